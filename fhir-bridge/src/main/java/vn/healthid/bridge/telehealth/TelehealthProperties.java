package vn.healthid.bridge.telehealth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.healthid.bridge.telehealth.access.MinLoa;

/**
 * {@code healthid.telehealth.*}: telehealth sessions (docs/telehealth.md lists every key).
 *
 * @param sessionUrlTemplate the video room URL; {@code {appointmentId}} and {@code {ticket}} are
 *     replaced (URL-encoded)
 * @param ticketTtl how long a join ticket can be redeemed
 * @param joinEarly how long before the start a participant may join
 * @param joinLate how long after the end a participant may still join
 * @param maxDuration longest session accepted at booking
 * @param retention how long after its end a session is kept; afterwards it is gone (404)
 * @param minLoa the minimum level of assurance (acr -> LoA per healthid.security.acr-levels) per
 *     operation, for patients and practitioners; a citizen's token needs level 2 for any of them
 *     (the security package's rule), and a level-3 minimum also needs a recent proof
 * @param videoServiceClients the clients ({@code azp}) that may redeem join tickets
 */
@ConfigurationProperties("healthid.telehealth")
public record TelehealthProperties(
        @DefaultValue("https://meet.example.vn/room/{appointmentId}?ticket={ticket}")
        String sessionUrlTemplate,

        @DefaultValue("2m") Duration ticketTtl,
        @DefaultValue("10m") Duration joinEarly,
        @DefaultValue("15m") Duration joinLate,
        @DefaultValue("4h") Duration maxDuration,
        @DefaultValue("30d") Duration retention,
        @DefaultValue MinLoa minLoa,
        @DefaultValue(DEFAULT_VIDEO_SERVICE) List<String> videoServiceClients) {

    /** The video service's client in docs/telehealth.md's realm setup. */
    public static final String DEFAULT_VIDEO_SERVICE = "video-service";

    public TelehealthProperties {
        if (!sessionUrlTemplate.contains("{ticket}")) {
            throw new IllegalArgumentException("healthid.telehealth.session-url-template must contain {ticket}");
        }
        if (joinEarly.isNegative() || joinLate.isNegative() || retention.isNegative() || !maxDuration.isPositive()) {
            throw new IllegalArgumentException(
                    "healthid.telehealth join-early, join-late and retention must not be negative, max-duration positive");
        }
        videoServiceClients = List.copyOf(videoServiceClients);
        if (ticketTtl.isNegative() || ticketTtl.isZero() || ticketTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("healthid.telehealth.ticket-ttl must be between 1s and 10m");
        }
    }

    /**
     * The defaults, for tests and the single-node quickstart: bound from no properties at all, so
     * that the values are written once, in the {@code DefaultValue}s above.
     */
    public static TelehealthProperties defaults() {
        return new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("healthid.telehealth", TelehealthProperties.class);
    }
}
