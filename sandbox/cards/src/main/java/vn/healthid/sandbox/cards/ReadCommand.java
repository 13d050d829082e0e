package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;

/** {@code cards read}: the reader simulator; answers a healthid nonce with a card file's chip. */
final class ReadCommand {

    private static final int MIN_NONCE_BYTES = 16;

    private final Path cardFile;
    private final String nonce;
    private final Path outFile;

    ReadCommand(String[] args) {
        CliArguments options = new CliArguments(args, 1, Set.of("--card", "--nonce", "--out"), Set.of());
        this.cardFile = Path.of(options.required("--card"));
        this.nonce = checkedNonce(options.required("--nonce"));
        String out = options.optional("--out", null);
        this.outFile = out == null ? null : Path.of(out);
    }

    int run(PrintStream out) throws IOException {
        if (!Files.isRegularFile(cardFile)) {
            throw new UsageException("no card file at " + cardFile);
        }
        Card card;
        try {
            card = Card.fromJson(Files.readString(cardFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new UsageException(cardFile + " is not a card file (" + e.getMessage() + ")");
        }
        String bundle = card.bundleJson(nonce);
        if (outFile == null) {
            out.println(bundle);
        } else {
            Files.writeString(outFile, bundle, StandardCharsets.UTF_8);
            out.println("chip bundle written to " + outFile);
        }
        return CardsCommand.OK;
    }

    private static String checkedNonce(String value) {
        if (!value.matches("[A-Za-z0-9_-]+")) {
            throw new UsageException("--nonce must be base64url without padding");
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--nonce is not valid base64url");
        }
        if (decoded.length < MIN_NONCE_BYTES) {
            throw new UsageException("--nonce must decode to at least " + MIN_NONCE_BYTES + " bytes");
        }
        return value;
    }
}
