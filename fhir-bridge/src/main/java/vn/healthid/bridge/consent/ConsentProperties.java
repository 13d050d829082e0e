package vn.healthid.bridge.consent;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.consent.*}: consents citizens grant to clinics (docs/audit-and-consent.md).
 *
 * @param maxPeriod longest validity a consent may have (a grant never runs open-ended)
 * @param organizations client id to the Organization identifier ({@code system|value}) it acts for,
 *     so that a consent naming the clinic's Organization covers its client
 * @param requiredForSystemReads a clinic's own token (not a citizen's) reads or finds a Patient only
 *     under a valid consent of that Patient naming the client
 */
@ConfigurationProperties("healthid.consent")
public record ConsentProperties(
        @DefaultValue("365d") Duration maxPeriod,
        Map<String, String> organizations,
        @DefaultValue("true") boolean requiredForSystemReads) {

    public ConsentProperties {
        if (maxPeriod.isNegative() || maxPeriod.isZero()) {
            throw new IllegalArgumentException("healthid.consent.max-period must be positive");
        }
        organizations = organizations == null ? Map.of() : Map.copyOf(organizations);
    }
}
