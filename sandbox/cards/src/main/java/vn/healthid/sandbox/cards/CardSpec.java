package vn.healthid.sandbox.cards;

import java.util.Objects;

/**
 * How to build a card: the SOD's digest, the AA key, the DG13 layout and an optional fault.
 *
 * @param dg13Layout the DG13 layout, or null for the one the card's seed picks ({@link Dg13Layout#forCitizen})
 */
public record CardSpec(String digestAlgorithm, AaKey aaKey, Dg13Layout dg13Layout, CardFault fault) {

    public CardSpec {
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(aaKey, "aaKey");
        Objects.requireNonNull(fault, "fault");
    }

    /** SHA-256, RSA-2048 active authentication, the DG13 layout picked by seed, no fault. */
    public static CardSpec defaults() {
        return new CardSpec("SHA-256", AaKey.RSA_2048_SHA256, null, CardFault.NONE);
    }

    public CardSpec withFault(CardFault f) {
        return new CardSpec(digestAlgorithm, aaKey, dg13Layout, f);
    }

    public CardSpec withAaKey(AaKey k) {
        return new CardSpec(digestAlgorithm, k, dg13Layout, fault);
    }

    public CardSpec withDigest(String d) {
        return new CardSpec(d, aaKey, dg13Layout, fault);
    }

    /** A fixed DG13 layout instead of the one picked by seed. */
    public CardSpec withDg13Layout(Dg13Layout layout) {
        return new CardSpec(digestAlgorithm, aaKey, Objects.requireNonNull(layout, "layout"), fault);
    }

    /** The layout of this citizen's card under this spec. */
    public Dg13Layout dg13LayoutFor(Citizen citizen) {
        return dg13Layout != null ? dg13Layout : Dg13Layout.forCitizen(citizen);
    }
}
