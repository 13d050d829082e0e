package vn.healthid.identity.chip;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful Document Signer chain validations, keyed by the SHA-256 of the DS certificate's encoding, so that the
 * next card from the same DS costs a hash and a lookup (plus the per-card validity and revocation checks, which are
 * never cached). Bounded: when full, new chains are validated but not remembered. A country has few DS
 * certificates, so the bound is a guard, not an eviction policy.
 */
final class ChainCache {

    private final int capacity;
    private final ConcurrentHashMap<ByteBuffer, TrustedChain> chains = new ConcurrentHashMap<>();

    ChainCache(int capacity) {
        this.capacity = capacity;
    }

    boolean enabled() {
        return capacity > 0;
    }

    static ByteBuffer keyOf(byte[] certificateDer) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(certificateDer));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    TrustedChain get(ByteBuffer key) {
        return capacity > 0 ? chains.get(key) : null;
    }

    void put(ByteBuffer key, TrustedChain chain) {
        if (capacity > 0 && chains.size() < capacity) {
            chains.putIfAbsent(key, chain);
        }
    }

    int size() {
        return chains.size();
    }
}
