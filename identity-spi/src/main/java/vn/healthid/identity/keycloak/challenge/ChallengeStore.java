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
 * Single-use chip challenges in Keycloak's single-use object store (cluster-wide). {@link #consume} first checks
 * the binding, and only then removes the entry (atomically: of two bound consumers, one gets the nonce). A nonce is
 * accepted once, by the client and flow it was issued to, before it expires; anyone else who knows it (it is in the
 * QR code) can neither use it nor destroy it.
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
        if (!binding(challenge).filter(binding::equals).isPresent()) {
            return Optional.empty(); // someone else's: left in place for its owner
        }
        return store.remove(PREFIX + challenge) == null
                ? Optional.empty()
                : Optional.of(Base64.getUrlDecoder().decode(challenge));
    }

    /** What a pending challenge is bound to, without consuming it. */
    public Optional<ChallengeBinding> binding(String challenge) {
        if (!isWellFormed(challenge)) {
            return Optional.empty();
        }
        Map<String, String> notes = store.get(PREFIX + challenge);
        return notes == null || notes.get("client") == null || notes.get("flow") == null
                ? Optional.empty()
                : Optional.of(new ChallengeBinding(notes.get("client"), notes.get("flow")));
    }

    /** True while the challenge is still waiting for its bundle (polling; does not consume it). */
    public boolean isPending(String challenge) {
        return isWellFormed(challenge) && store.contains(PREFIX + challenge);
    }

    public static boolean isWellFormed(String challenge) {
        return challenge != null && BASE64URL.matcher(challenge).matches();
    }
}
