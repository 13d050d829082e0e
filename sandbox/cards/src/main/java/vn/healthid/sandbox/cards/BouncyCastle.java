package vn.healthid.sandbox.cards;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance (brainpool curves, RSA-PSS and plain ECDSA live there). */
final class BouncyCastle {

    private static final Provider PROVIDER = install();

    private BouncyCastle() {}

    static Provider provider() {
        return PROVIDER;
    }

    private static Provider install() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider provider = new BouncyCastleProvider();
        // Registered (last) because JMRTD looks algorithms up by name.
        Security.addProvider(provider);
        return provider;
    }
}
