package vn.healthid.sandbox.cards;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic key pairs, cached for the life of the JVM: RSA generation costs about a second,
 * and every test asks for the same few keys again.
 */
final class SandboxKeys {

    private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    private SandboxKeys() {}

    /** The key pair named {@code label} for this seed; the same arguments always give the same keys. */
    static KeyPair keyPair(long seed, String label, KeySpecName spec) {
        String id = seed + "/" + label + "/" + spec.label();
        return CACHE.computeIfAbsent(id, k -> generate(seed, k, spec));
    }

    private static KeyPair generate(long seed, String id, KeySpecName spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm(), BouncyCastle.provider());
            generator.initialize(spec.parameters(), DeterministicRandom.of(seed, "key/" + id));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + spec.label() + " key", e);
        }
    }
}
