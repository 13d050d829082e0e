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
 * Operator command: {@code verify --trust FILE [--trust FILE...] [--crl FILE] [--nonce BASE64URL] (BUNDLE_FILE |
 * CHIP_FOLDER)}. The input is a bundle JSON file or a folder of raw chip files ({@link ChipFolder}); the nonce is
 * required, except for a folder holding it. Prints every check's verdict, reason and short evidence, every failure,
 * the proof and the masked citizen number. Exit 0 when verified, 1 when not, 2 for usage, configuration or
 * unreadable input.
 */
public final class CccdVerifyCommand {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;
    static final String USAGE_TEXT =
            "usage: cccd verify --trust FILE [--trust FILE...] [--crl FILE] [--nonce BASE64URL] BUNDLE_FILE|CHIP_FOLDER";
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
        VerificationResult result;
        try {
            trust = TrustFiles.load(arguments.trustFiles(), arguments.crlFiles());
            ChipVerifier verifier = new ChipVerifier(trust, clock);
            result = Files.isDirectory(arguments.input())
                    ? verifyFolder(verifier, arguments)
                    : verifier.verify(Files.readAllBytes(arguments.input()), requireNonce(arguments.nonce()));
        } catch (IOException | IllegalArgumentException e) {
            err.println("cccd verify: " + e.getMessage());
            return USAGE;
        }
        print(result);
        return result.verified() ? VERIFIED : NOT_VERIFIED;
    }

    private VerificationResult verifyFolder(ChipVerifier verifier, VerifyArguments arguments) throws IOException {
        ChipFolder.Contents folder = ChipFolder.read(arguments.input());
        byte[] nonce = arguments.nonce() != null
                ? arguments.nonce()
                : VerifyArguments.requireLongEnough(
                        folder.nonce()
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "--nonce is required (or a nonce.bin / nonce.txt file in the folder)")),
                        "the folder's nonce");
        for (String ignored : folder.ignored()) {
            out.println("ignored file: " + ignored + " (not a file the verifier reads)");
        }
        // The folder's nonce is what the card was asked to sign (the bundle's challenge); --nonce is what was issued.
        return verifier.verify(folder.bundle(folder.nonce().orElse(nonce)), nonce);
    }

    private static byte[] requireNonce(byte[] nonce) {
        if (nonce == null) {
            throw new IllegalArgumentException("--nonce is required");
        }
        return nonce;
    }

    private void print(VerificationResult result) {
        for (CheckResult check : result.checks()) {
            out.printf(
                    "%-22s %-12s %-28s %s%n",
                    check.check(), check.verdict(), check.reason(), shortEvidence(check.evidence()));
        }
        if (!result.failures().isEmpty()) {
            out.println("failed: "
                    + result.failures().stream()
                            .map(f -> f.check() + " " + f.reason())
                            .collect(Collectors.joining(", ")));
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
