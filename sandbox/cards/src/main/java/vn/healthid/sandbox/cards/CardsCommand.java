package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Command line of the sandbox card issuer and reader simulator (never for production):
 * {@code issue} writes a trust store and card files, {@code read} answers a challenge with a card file.
 */
public final class CardsCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage:
              cards issue --seed N --count N --out DIR [--scheme SCHEME] [--faults]
                  writes DIR/trust/csca.pem, DIR/trust/masterlist.ml, DIR/trust/crl.pem and
                  DIR/cards/<nn>.card.json (with --faults also cards/fault-<name>.card.json)
                  SCHEME: RSA_PKCS1_SHA256 (default), RSA_PSS_SHA256, ECDSA_P256_SHA256, ECDSA_P384_SHA384,
                          ECDSA_P521_SHA512, ECDSA_BRAINPOOL_P256_SHA256, ECDSA_BRAINPOOL_P384_SHA384
              cards read --card FILE --nonce BASE64URL [--out FILE]
                  prints (or writes) the chip bundle answering that nonce
            """;

    private CardsCommand() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs one subcommand; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("a subcommand is required");
            }
            return switch (args[0]) {
                case "issue" -> new IssueCommand(args).run(out);
                case "read" -> new ReadCommand(args).run(out);
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> throw new UsageException("unknown subcommand " + args[0]);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (IOException e) {
            err.println(
                    "error: cannot read or write files (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return FAILED;
        }
    }
}
