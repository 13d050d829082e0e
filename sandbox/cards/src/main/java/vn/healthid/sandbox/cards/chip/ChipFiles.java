package vn.healthid.sandbox.cards.chip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.MRZInfo;
import vn.healthid.sandbox.cards.Card;

/** The card's elementary files by file identifier (ICAO 9303-10 section 4.6), and the MRZ its BAC keys come from. */
final class ChipFiles {

    private static final Map<String, Integer> FIDS = Map.of(
            "COM", 0x011E,
            "SOD", 0x011D,
            "DG1", 0x0101,
            "DG2", 0x0102,
            "DG13", 0x010D,
            "DG14", 0x010E,
            "DG15", 0x010F);

    private final Map<Integer, byte[]> byFid = new LinkedHashMap<>();
    private final MRZInfo mrz;

    ChipFiles(Card card) {
        card.files().forEach((name, bytes) -> {
            Integer fid = FIDS.get(name);
            if (fid == null) {
                throw new IllegalArgumentException("the chip has no file identifier for " + name);
            }
            byFid.put(fid, bytes);
        });
        byte[] dg1 = byFid.get(0x0101);
        if (dg1 == null) {
            throw new IllegalArgumentException("a chip needs DG1: its BAC keys come from the MRZ");
        }
        try {
            this.mrz = new DG1File(new ByteArrayInputStream(dg1)).getMRZInfo();
        } catch (IOException e) {
            throw new UncheckedIOException("the card's DG1 is unreadable", e);
        }
    }

    byte[] file(int fid) {
        return byFid.get(fid);
    }

    /** Short EF identifier to FID: for the LDS files the SFI is the FID's low five bits. */
    Integer fidOfSfi(int sfi) {
        return byFid.keySet().stream()
                .filter(fid -> (fid & 0x1F) == sfi)
                .findFirst()
                .orElse(null);
    }

    byte[] bacKeySeed() {
        return BacCrypto.keySeed(mrz.getDocumentNumber(), mrz.getDateOfBirth(), mrz.getDateOfExpiry());
    }
}
