package vn.healthid.sandbox.cards;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** What kind of key pair to generate: "RSA" with a size, or "EC" on a named curve. */
record KeySpecName(String algorithm, int rsaBits, String curve) {

    static KeySpecName rsa(int bits) {
        return new KeySpecName("RSA", bits, null);
    }

    static KeySpecName ec(String curve) {
        return new KeySpecName("EC", 0, curve);
    }

    AlgorithmParameterSpec parameters() {
        return curve == null
                ? new RSAKeyGenParameterSpec(rsaBits, RSAKeyGenParameterSpec.F4)
                : new ECGenParameterSpec(curve);
    }

    String label() {
        return curve == null ? algorithm + "-" + rsaBits : curve;
    }
}
