package vn.healthid.identity.keycloak.vneid.wire;

import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** The RSA-OAEP parameters the content key is wrapped with (UNVERIFIED: configurable, SHA-256 by default). */
public enum OaepDigest {
    SHA_256("SHA-256", MGF1ParameterSpec.SHA256),
    SHA_1("SHA-1", MGF1ParameterSpec.SHA1);

    private final String digest;
    private final MGF1ParameterSpec mgf;

    OaepDigest(String digest, MGF1ParameterSpec mgf) {
        this.digest = digest;
        this.mgf = mgf;
    }

    /** Digest and MGF1 digest are the same, as in JOSE's RSA-OAEP-256 and RSA-OAEP. */
    public OAEPParameterSpec spec() {
        return new OAEPParameterSpec(digest, "MGF1", mgf, PSource.PSpecified.DEFAULT);
    }
}
