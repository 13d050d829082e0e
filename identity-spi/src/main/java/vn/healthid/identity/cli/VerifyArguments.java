package vn.healthid.identity.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The parsed command line of {@code cccd verify}; {@link IllegalArgumentException} for anything unusable.
 * {@code input} is a bundle JSON file or a folder of raw chip files; {@code nonce} is null when not given (a folder
 * may hold it).
 */
record VerifyArguments(List<Path> trustFiles, List<Path> crlFiles, byte[] nonce, Path input) {

    static final int MIN_NONCE_BYTES = 16;

    static VerifyArguments parse(String[] args) {
        List<Path> trust = new ArrayList<>();
        List<Path> crls = new ArrayList<>();
        String nonce = null;
        Path bundle = null;
        int i = args.length > 0 && "verify".equals(args[0]) ? 1 : 0;
        for (; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--trust" -> trust.add(Path.of(value(args, ++i, arg)));
                case "--crl" -> crls.add(Path.of(value(args, ++i, arg)));
                case "--nonce" -> nonce = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--") || bundle != null) {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                    bundle = Path.of(arg);
                }
            }
        }
        if (trust.isEmpty()) {
            throw new IllegalArgumentException("at least one --trust file is required");
        }
        if (bundle == null) {
            throw new IllegalArgumentException("the bundle file or chip folder is required");
        }
        return new VerifyArguments(
                List.copyOf(trust), List.copyOf(crls), nonce == null ? null : decodeNonce(nonce), bundle);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static byte[] decodeNonce(String text) {
        byte[] nonce;
        try {
            nonce = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--nonce is not base64url");
        }
        return requireLongEnough(nonce, "--nonce");
    }

    static byte[] requireLongEnough(byte[] nonce, String source) {
        if (nonce.length < MIN_NONCE_BYTES) {
            throw new IllegalArgumentException(source + " must decode to at least " + MIN_NONCE_BYTES + " bytes");
        }
        return nonce;
    }
}
