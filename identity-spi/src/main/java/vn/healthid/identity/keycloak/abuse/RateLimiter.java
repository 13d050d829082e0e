package vn.healthid.identity.keycloak.abuse;

import java.time.Clock;
import java.util.Locale;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Per-client and per-address request limits on the extension's endpoints, in fixed windows of
 * {@link AbuseLimits#rateWindow()}, counted with a {@link SlotCounter} (exact across nodes). Callers check the address
 * first, so that a flood from one address does not use up its client's allowance.
 */
public final class RateLimiter {

    /** The limited operations. */
    public enum Action {
        CHALLENGE,
        GRANT,
        PHONE
    }

    /** Stable reason of every 429 of the extension (body {@code error_description} or {@code error}, event). */
    public static final String RATE_LIMITED = "RATE_LIMITED";

    private final SlotCounter counter;
    private final AbuseLimits limits;

    public RateLimiter(SingleUseObjectProvider store, AbuseLimits limits, Clock clock) {
        this.counter = new SlotCounter(store, "healthid.chip.rate.", clock);
        this.limits = limits;
    }

    /** Admitted, or refused with the seconds after which to retry. Check this before any costly work. */
    public SlotCounter.Admission byAddress(Action action, String address) {
        return counter.take(
                key(action, "address", address == null ? "" : address),
                rate(action).perAddress(),
                limits.rateWindow());
    }

    /** As {@link #byAddress}, for the client the request is made for (authenticated, or bound to the challenge). */
    public SlotCounter.Admission byClient(Action action, String clientId) {
        return counter.take(key(action, "client", clientId), rate(action).perClient(), limits.rateWindow());
    }

    private static String key(Action action, String kind, String value) {
        return action.name().toLowerCase(Locale.ROOT) + ":" + kind + ":" + value;
    }

    private AbuseLimits.Rate rate(Action action) {
        return switch (action) {
            case CHALLENGE -> limits.challenge();
            case GRANT -> limits.grant();
            case PHONE -> limits.phone();
        };
    }
}
