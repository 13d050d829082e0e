package vn.healthid.identity.keycloak.challenge;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Single-use chip challenges in Keycloak's single-use object store (cluster-wide). {@link #consume} removes the
 * entry atomically, so a nonce is accepted once, by the client and flow it was issued to, before it expires.
 */
public final class ChallengeStore {

    private static final String PREFIX = "healthid.chip.challenge.";
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{22,86}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 32;

    private final SingleUseObjectProvider store;
    private final Duration ttl;

    public ChallengeStore(SingleUseObjectProvider store, Duration ttl) {
        this.store = store;
        this.ttl = ttl;
    }

    public IssuedChallenge issue(ChallengeBinding binding) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        store.put(PREFIX + challenge, ttl.toSeconds(), Map.of("client", binding.clientId(), "flow", binding.flow()));
        return new IssuedChallenge(challenge, Instant.now().plus(ttl));
    }

    /** The issued nonce, or empty when it was never issued, is used up, expired or belongs to another binding. */
    public Optional<byte[]> consume(String challenge, ChallengeBinding binding) {
        if (!isWellFormed(challenge)) {
            return Optional.empty();
        }
        Map<String, String> notes = store.remove(PREFIX + challenge);
        if (notes == null
                || !binding.clientId().equals(notes.get("client"))
                || !binding.flow().equals(notes.get("flow"))) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlDecoder().decode(challenge));
    }

    /** True while the challenge is still waiting for its bundle (polling; does not consume it). */
    public boolean isPending(String challenge) {
        return isWellFormed(challenge) && store.contains(PREFIX + challenge);
    }

    public static boolean isWellFormed(String challenge) {
        return challenge != null && BASE64URL.matcher(challenge).matches();
    }
}
