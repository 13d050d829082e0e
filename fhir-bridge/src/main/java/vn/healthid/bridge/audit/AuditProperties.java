package vn.healthid.bridge.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthid.audit.*}: the access trail (docs/audit-and-consent.md).
 *
 * @param failClosed when the audit store cannot take an entry, answer 503 AUDIT_UNAVAILABLE instead of
 *     the data (personal data is never released unaccounted)
 * @param stream the event stream all entries go to (Keycloak's listener writes to the same one)
 * @param purposeHeader request header carrying a v3 PurposeOfUse code (TREAT, PATRQT, HPAYMT, ...)
 * @param defaultPageSize AuditEvents per page when {@code _count} is absent
 * @param maxPageSize largest {@code _count} honoured
 * @param maxListed most entries of one person considered when listing (newest kept)
 */
@ConfigurationProperties("healthid.audit")
public record AuditProperties(
        @DefaultValue("true") boolean failClosed,
        @DefaultValue("audit") String stream,
        @DefaultValue("X-Purpose-Of-Use") String purposeHeader,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("5000") int maxListed) {

    public AuditProperties {
        if (stream == null || stream.isBlank()) {
            throw new IllegalArgumentException("healthid.audit.stream must not be blank");
        }
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize || maxListed < maxPageSize) {
            throw new IllegalArgumentException("healthid.audit page sizes: 1 <= default <= max <= max-listed");
        }
    }

    /** The per-person stream: lets a citizen list their entries without scanning everyone's. */
    public String patientStream(String patientId) {
        return stream + ":patient:" + patientId;
    }
}
