package vn.healthid.identity.keycloak.browser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Where a phone drops the bundle for a waiting browser, in the cluster-wide single-use store. The first post wins a
 * {@code putIfAbsent} claim on the challenge (atomic across nodes); the claim outlives the bundle, for the challenge's
 * lifetime, so every later post, even after the browser took the bundle, is refused and marks the login contested:
 * the waiting browser then aborts it (docs/chip-login.md, section 3).
 */
public final class PhoneInbox {

    private static final String CLAIM = "healthid.chip.inbox-claim.";
    private static final String BUNDLE = "healthid.chip.inbox.";
    private static final String CONTESTED = "healthid.chip.inbox-contested.";

    private final SingleUseObjectProvider store;

    public PhoneInbox(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** True when a bundle was already sent to this challenge (the browser may have taken it already). */
    public boolean isClaimed(String challenge) {
        return store.contains(CLAIM + challenge);
    }

    /** False when another post was first: this one is dropped and the login is marked contested. */
    public boolean deliver(String challenge, byte[] bundle, String fromAddress, Duration ttl) {
        if (!store.putIfAbsent(CLAIM + challenge, ttl.toSeconds())) {
            markContested(challenge, ttl);
            return false;
        }
        store.put(
                BUNDLE + challenge,
                ttl.toSeconds(),
                Map.of(
                        "bundle",
                        new String(bundle, StandardCharsets.UTF_8),
                        "from",
                        fromAddress == null ? "" : fromAddress));
        return true;
    }

    public void markContested(String challenge, Duration ttl) {
        store.put(CONTESTED + challenge, ttl.toSeconds(), Map.of());
    }

    /** True when a second bundle was sent to this challenge: someone else has seen the QR code. */
    public boolean isContested(String challenge) {
        return store.contains(CONTESTED + challenge);
    }

    public Optional<Delivery> take(String challenge) {
        Map<String, String> notes = store.remove(BUNDLE + challenge);
        return notes == null || notes.get("bundle") == null
                ? Optional.empty()
                : Optional.of(new Delivery(
                        notes.get("bundle").getBytes(StandardCharsets.UTF_8), notes.getOrDefault("from", "")));
    }

    /** A parked bundle and the address of the phone that posted it (failures count against that address). */
    public record Delivery(byte[] bundle, String fromAddress) {}
}
