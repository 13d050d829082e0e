package vn.healthid.bridge.coverage.access;

import java.util.Optional;
import java.util.function.Function;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.security.Caller;

/**
 * A clinic without the citizen's chip-present token may look up coverage when a {@code Consent}
 * grants it (implemented by the consent feature). {@link #NONE} refuses everyone, for servers
 * without that feature.
 */
public interface ConsentAccess {

    /**
     * The subject the caller may act for under a consent, or empty (then access is denied).
     *
     * @param staffOf the clerk's identity for a clinic client id, from the staff token header
     *     (throws {@code BridgeFhirException} when missing or invalid); asked only once consent is found
     */
    Optional<Lookup> subjectUnderConsent(Caller caller, String patientId, Function<String, StaffIdentity> staffOf);

    /**
     * The same rule for a lookup that needs a consent for another purpose (an HL7 v3 ActReason
     * code): the treatment history, which holds diagnoses, needs {@code TREAT}, not payment.
     */
    default ConsentAccess forPurpose(String purpose) {
        return this;
    }

    ConsentAccess NONE = (caller, patientId, staffOf) -> Optional.empty();
}
