package vn.healthid.identity.keycloak.vneid;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;

/**
 * A VNeID login refused with a stable reason code. The page shows {@link #userMessage()} (which ends with the code);
 * the event carries the code in its {@code reason} detail. Never identity data.
 */
public final class VneidRefusal extends RuntimeException {

    /** Keycloak event error of every refused VNeID login. */
    public static final String EVENT_ERROR = "vneid_login_refused";

    private final String reason;
    private final String userMessage;
    private final boolean upstreamFault;

    private VneidRefusal(String reason, String userMessage, boolean upstreamFault, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.userMessage = userMessage;
        this.upstreamFault = upstreamFault;
    }

    /** A refusal of this service's own policy (level, linking): answered 403. */
    public static VneidRefusal policy(String reason, String userMessage) {
        return new VneidRefusal(reason, userMessage + " [" + reason + "]", false, null);
    }

    public static VneidRefusal levelTooLow(int level, int minimum) {
        return policy(
                "VNEID_LEVEL_TOO_LOW",
                "Your VNeID account is at level " + level + ". This service needs level " + minimum
                        + " (identity verified in person). Verify your VNeID account, or sign in with your chip card.");
    }

    public static VneidRefusal unavailable(Throwable cause) {
        return new VneidRefusal(
                "VNEID_UNAVAILABLE",
                "VNeID did not answer in time. Please try again later, or sign in with your chip card. [VNEID_UNAVAILABLE]",
                true,
                cause);
    }

    /** VNeID answered something that cannot be trusted or read: answered 502. */
    public static VneidRefusal invalidAnswer(String reason, Throwable cause) {
        return new VneidRefusal(
                reason,
                "The answer from VNeID could not be verified, so you were not signed in. Please try again. [" + reason
                        + "]",
                true,
                cause);
    }

    public String reason() {
        return reason;
    }

    /** Shown as is by the error page (no theme key needed); no apostrophes, which the message formatter drops. */
    public String userMessage() {
        return userMessage;
    }

    public boolean upstreamFault() {
        return upstreamFault;
    }

    /** A LOGIN_ERROR event (stored by the realm's default event types) with the reason and the provider alias. */
    public void record(EventBuilder event, String providerAlias) {
        event.event(EventType.LOGIN)
                .detail(Details.IDENTITY_PROVIDER, providerAlias)
                .detail(Details.REASON, reason)
                .error(EVENT_ERROR);
    }
}
