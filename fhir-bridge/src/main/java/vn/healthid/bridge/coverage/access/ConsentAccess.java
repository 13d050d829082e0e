package vn.healthid.bridge.coverage.access;

import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Seam for a later issue: a clinic without the citizen's chip-present token may look up coverage
 * when a {@code Consent} grants it. Until that exists the only implementation refuses.
 */
public interface ConsentAccess {

    /** The subject the caller may act for under a consent, or empty (then access is denied). */
    Optional<Subject> subjectUnderConsent(Jwt caller, String patientId);

    ConsentAccess NONE = (caller, patientId) -> Optional.empty();
}
