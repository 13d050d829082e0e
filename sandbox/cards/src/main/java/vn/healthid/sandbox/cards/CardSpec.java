package vn.healthid.sandbox.cards;

import java.util.Objects;

/** How to build a card: the SOD's digest, the AA key, the DG13 layout and an optional fault. */
public record CardSpec(String digestAlgorithm, AaKey aaKey, boolean dg13WrappedInSequence, CardFault fault) {

    public CardSpec {
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(aaKey, "aaKey");
        Objects.requireNonNull(fault, "fault");
    }

    /** SHA-256, RSA-2048 active authentication, DG13 items directly under 6D, no fault. */
    public static CardSpec defaults() {
        return new CardSpec("SHA-256", AaKey.RSA_2048_SHA256, false, CardFault.NONE);
    }

    public CardSpec withFault(CardFault f) {
        return new CardSpec(digestAlgorithm, aaKey, dg13WrappedInSequence, f);
    }

    public CardSpec withAaKey(AaKey k) {
        return new CardSpec(digestAlgorithm, k, dg13WrappedInSequence, fault);
    }

    public CardSpec withDigest(String d) {
        return new CardSpec(d, aaKey, dg13WrappedInSequence, fault);
    }

    public CardSpec withDg13WrappedInSequence(boolean wrapped) {
        return new CardSpec(digestAlgorithm, aaKey, wrapped, fault);
    }
}
