package vn.healthid.sandbox.cards;

import java.security.PrivateKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A synthetic chip: its elementary files as a reader would read them, and the active-authentication
 * key that never leaves the chip (kept here so the card can answer fresh challenges).
 */
public final class Card {

    private final Citizen citizen;
    private final Map<String, byte[]> files;
    private final AaKey aaKey;
    private final PrivateKey chipKey;

    Card(Citizen citizen, Map<String, byte[]> files, AaKey aaKey, PrivateKey chipKey) {
        if ((aaKey == AaKey.NONE) != (chipKey == null)) {
            throw new IllegalArgumentException("a chip key is needed exactly when the card does AA");
        }
        this.citizen = citizen;
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.aaKey = aaKey;
        this.chipKey = chipKey;
    }

    /** What the card says about its holder (for a fault card, the altered data). */
    public Citizen citizen() {
        return citizen;
    }

    /** "COM", "SOD", "DG1", "DG2", "DG13", "DG14" (EC AA only), "DG15" (absent without AA): whole TLV files. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return copy;
    }

    public AaKey aaKey() {
        return aaKey;
    }

    /**
     * The chip's active-authentication signature over the 8-byte RND.IFD.
     *
     * @throws IllegalStateException when the card has no AA key ({@link AaKey#NONE})
     */
    public byte[] answerChallenge(byte[] rndIfd) {
        if (aaKey == AaKey.NONE) {
            throw new IllegalStateException("this card has no active-authentication key");
        }
        return AaSigner.sign(aaKey, chipKey, rndIfd);
    }

    /** The reader simulator: derives RND.IFD from the nonce, lets the chip sign it, writes the chip bundle. */
    public String bundleJson(String nonceBase64Url) {
        return BundleWriter.write(this, nonceBase64Url);
    }

    /** The card file: files, the chip's AA private key and the citizen, so a later process can answer. */
    public String toJson() {
        return CardFile.write(this);
    }

    /** Reads what {@link #toJson()} wrote; IllegalArgumentException when it is not a card file. */
    public static Card fromJson(String json) {
        return CardFile.read(json);
    }

    PrivateKey chipKey() {
        return chipKey;
    }

    Map<String, byte[]> filesView() {
        return files;
    }
}
