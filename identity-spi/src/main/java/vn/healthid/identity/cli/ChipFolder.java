package vn.healthid.identity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.healthid.identity.chip.ChipBundle;
import vn.healthid.identity.chip.ChipBundleParser;

/**
 * A chip's files as raw dumps in one folder (identity-spi/README.md, "cccd verify"): EF.COM, EF.SOD, DG1, DG2,
 * DG13, DG14, DG15, the AA signature and optionally the nonce, under the names of {@link ChipFileNames}. Other files
 * are listed as ignored. Every problem is an {@link IllegalArgumentException} (or an IOException) naming the file.
 */
final class ChipFolder {

    private static final List<String> REQUIRED = List.of("SOD", "DG1", "DG13");

    /** What the folder holds: the files, the AA signature and the nonce the card signed, if the folder has them. */
    record Contents(Map<String, byte[]> files, byte[] aaSignature, Optional<byte[]> nonce, List<String> ignored) {

        /** The bundle a reader would have sent, {@code challenge} being the nonce the card was given. */
        ChipBundle bundle(byte[] challenge) {
            return new ChipBundle(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(challenge), files, aaSignature);
        }
    }

    private ChipFolder() {}

    static Contents read(Path folder) throws IOException {
        Map<String, Path> found = new TreeMap<>();
        Path aa = null;
        Path nonceRaw = null;
        Path nonceText = null;
        List<String> ignored = new ArrayList<>();
        for (Path file : list(folder)) {
            String name = file.getFileName().toString();
            String key = ChipFileNames.normalised(name);
            Optional<String> bundleName = ChipFileNames.bundleName(key);
            if (bundleName.isPresent()) {
                Path before = found.put(bundleName.get(), file);
                if (before != null) {
                    throw new IllegalArgumentException(
                            "two files for " + bundleName.get() + ": " + before.getFileName() + " and " + name);
                }
            } else if (ChipFileNames.AA_SIGNATURE.contains(key)) {
                aa = single(aa, file, "the AA signature");
            } else if (ChipFileNames.NONCE_RAW.contains(key)) {
                nonceRaw = single(nonceRaw, file, "the nonce");
            } else if (name.toLowerCase(Locale.ROOT).equals("nonce.txt")) {
                nonceText = single(nonceText, file, "the nonce");
            } else {
                ignored.add(name);
            }
        }
        for (String required : REQUIRED) {
            if (!found.containsKey(required)) {
                throw new IllegalArgumentException("the folder has no " + required + " file (accepted names: "
                        + String.join(", ", ChipFileNames.NAMES.get(required)) + ", case-insensitive, optional .bin)");
            }
        }
        if (nonceRaw != null && nonceText != null) {
            throw new IllegalArgumentException("two files for the nonce: " + nonceRaw.getFileName() + " and nonce.txt");
        }
        long[] total = {0};
        Map<String, byte[]> files = new HashMap<>();
        for (Map.Entry<String, Path> entry : found.entrySet()) {
            files.put(entry.getKey(), bytes(entry.getValue(), total));
        }
        byte[] aaSignature = aa == null ? null : bytes(aa, total);
        Optional<byte[]> nonce = nonceRaw != null
                ? Optional.of(bytes(nonceRaw, total))
                : nonceText == null ? Optional.empty() : Optional.of(base64Url(nonceText, bytes(nonceText, total)));
        return new Contents(files, aaSignature, nonce, List.copyOf(ignored));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !Files.isDirectory(p)).sorted().toList();
        }
    }

    private static Path single(Path before, Path file, String what) {
        if (before != null) {
            throw new IllegalArgumentException(
                    "two files for " + what + ": " + before.getFileName() + " and " + file.getFileName());
        }
        return file;
    }

    /** Reads one file within the bundle's overall size limit; empty and unreadable files are errors. */
    private static byte[] bytes(Path file, long[] total) throws IOException {
        long size;
        byte[] bytes;
        try {
            size = Files.size(file);
            total[0] += size;
            if (total[0] > ChipBundleParser.DEFAULT_MAX_BYTES) {
                throw new IllegalArgumentException("the folder's chip files exceed "
                        + ChipBundleParser.DEFAULT_MAX_BYTES + " bytes (at " + file.getFileName() + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(
                    "cannot read " + file.getFileName() + ": " + e.getClass().getSimpleName(), e);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException(file.getFileName() + " is empty");
        }
        return bytes;
    }

    private static byte[] base64Url(Path file, byte[] text) {
        try {
            return Base64.getUrlDecoder().decode(new String(text, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not base64url");
        }
    }
}
