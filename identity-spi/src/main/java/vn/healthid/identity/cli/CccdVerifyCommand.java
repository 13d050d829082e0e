package vn.healthid.identity.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import vn.healthid.identity.chip.CheckResult;
import vn.healthid.identity.chip.ChipVerifier;
import vn.healthid.identity.chip.TrustStore;
import vn.healthid.identity.chip.VerificationResult;

/**
 * Operator command: {@code verify --trust FILE [--trust FILE...] [--crl FILE] --nonce BASE64URL BUNDLE_FILE}. Prints
 * every check's verdict, reason and short evidence, the proof and the masked citizen number. Exit 0 when verified,
 * 1 when not, 2 for usage or configuration errors.
 */
public final class CccdVerifyCommand {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;
    static final String USAGE_TEXT =
            "usage: cccd verify --trust FILE [--trust FILE...] [--crl FILE] --nonce BASE64URL BUNDLE_FILE";
    private static final int EVIDENCE_WIDTH = 100;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    CccdVerifyCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CccdVerifyCommand(System.out, System.err, Clock.systemUTC()).run(args));
    }

    int run(String[] args) {
        VerifyArguments arguments;
        try {
            arguments = VerifyArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cccd verify: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        TrustStore trust;
        byte[] bundle;
        try {
            trust = TrustFiles.load(arguments.trustFiles(), arguments.crlFiles());
            bundle = Files.readAllBytes(arguments.bundle());
        } catch (IOException | IllegalArgumentException e) {
            err.println("cccd verify: " + e.getMessage());
            return USAGE;
        }
        VerificationResult result = new ChipVerifier(trust, clock).verify(bundle, arguments.nonce());
        print(result);
        return result.verified() ? VERIFIED : NOT_VERIFIED;
    }

    private void print(VerificationResult result) {
        for (CheckResult check : result.checks()) {
            out.printf(
                    "%-22s %-12s %-28s %s%n",
                    check.check(), check.verdict(), check.reason(), shortEvidence(check.evidence()));
        }
        out.println("proof: " + result.proof());
        out.println("verified: " + result.verified());
        out.println("citizen: " + result.citizen().map(c -> c.maskedNumber()).orElse("(none: not verified)"));
    }

    private static String shortEvidence(Map<String, String> evidence) {
        String text = evidence.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return text.length() > EVIDENCE_WIDTH ? text.substring(0, EVIDENCE_WIDTH - 3) + "..." : text;
    }
}
