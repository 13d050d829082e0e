package vn.healthid.identity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.healthid.identity.chip.TrustStore;

/**
 * Loads trust files by content, not by name: text with "-----BEGIN" is a PEM bundle, DER (0x30) an ICAO master
 * list. Several files are merged by concatenating their PEM certificates; master lists are verified on their own
 * first, then their certificates join the bundle.
 */
final class TrustFiles {

    private TrustFiles() {}

    static TrustStore load(List<Path> trustFiles, List<Path> crlFiles) throws IOException {
        List<TrustStore> stores = new ArrayList<>();
        for (Path file : trustFiles) {
            byte[] bytes = Files.readAllBytes(file);
            stores.add(isPem(bytes) ? TrustStore.fromPem(bytes) : TrustStore.fromMasterList(bytes));
        }
        TrustStore trust = stores.size() == 1 ? stores.get(0) : TrustStore.merge(stores);
        for (Path crl : crlFiles) {
            trust = trust.withCrls(Files.readAllBytes(crl));
        }
        return trust;
    }

    static boolean isPem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN ");
    }
}
