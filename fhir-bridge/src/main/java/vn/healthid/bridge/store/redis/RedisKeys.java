package vn.healthid.bridge.store.redis;

/**
 * Key layout: {@code <prefix><concern>:<name>}. The prefix separates deployments and test runs
 * sharing one Redis. Callers pass opaque names (hashes, logical ids), never identity numbers.
 */
public record RedisKeys(String prefix) {

    public RedisKeys {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("healthid.store.key-prefix must not be blank");
        }
    }

    String document(String collection, String id) {
        return prefix + "doc:" + collection + ":" + id;
    }

    String singleUse(String key) {
        return prefix + "once:" + key;
    }

    String cache(String key) {
        return prefix + "cache:" + key;
    }

    /** Not under a concern of ours: the Keycloak extension writes it (docs/sessions.md). */
    String revokedSid(String sid) {
        return prefix + "revoked-sid:" + sid;
    }

    /** A lease ({@code <prefix>lock:<name>}, e.g. {@code lock:eligibility:<hash>}). */
    String lock(String name) {
        return prefix + "lock:" + name;
    }

    String stream(String name) {
        return prefix + "stream:" + name;
    }
}
