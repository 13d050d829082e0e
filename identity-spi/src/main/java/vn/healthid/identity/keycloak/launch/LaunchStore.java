package vn.healthid.identity.keycloak.launch;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * EHR launch values in Keycloak's single-use object store (cluster-wide): an opaque random value (256 bits, base64url)
 * maps to its {@link LaunchContext}. {@link #redeem} removes the entry atomically, so a launch is used once, and only
 * before it expires.
 */
public final class LaunchStore {

    private static final String PREFIX = "healthid.smart.launch.";
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SingleUseObjectProvider store;
    private final Clock clock;

    public LaunchStore(SingleUseObjectProvider store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The launch value the clinic hands to the app. */
    public String register(LaunchContext context) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long lifespan = Math.max(
                1, context.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        store.put(PREFIX + value, lifespan, context.toNotes());
        return value;
    }

    /** The context, once: empty when the value was never issued, is used up or has expired. */
    public Optional<LaunchContext> redeem(String value) {
        if (value == null || !VALUE.matcher(value).matches()) {
            return Optional.empty();
        }
        return LaunchContext.fromNotes(store.remove(PREFIX + value))
                .filter(context -> clock.instant().isBefore(context.expiresAt()));
    }
}
