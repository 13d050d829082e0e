package vn.healthid.bridge.audit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.healthid.bridge.security.Caller;

/**
 * Why data is accessed: a code of HL7 v3 ActReason / PurposeOfUse, from the request header or the
 * token's {@code purpose_of_use} claim. Unknown codes are not recorded (a client cannot write free
 * text into the trail).
 */
public final class PurposeOfUse {

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String TREATMENT = "TREAT";
    public static final String PATIENT_REQUESTED = "PATRQT";

    /** The codes accepted: treatment, emergency, payment, operations, patient request, public health. */
    public static final Set<String> KNOWN =
            Set.of("TREAT", "ETREAT", "HPAYMT", "HOPERAT", "PATRQT", "PUBHLTH", "HRESCH", "COVERAGE");

    private PurposeOfUse() {}

    /** The stated purpose, or the implied one: patient request for citizens, treatment for chip-present clinics. */
    public static Optional<String> of(String header, Caller caller) {
        String claim = caller == null ? null : caller.purposeClaim().orElse(null);
        Optional<String> stated = known(header).or(() -> known(claim));
        if (stated.isPresent() || caller == null) {
            return stated;
        }
        if (caller.isCitizen()) {
            return Optional.of(caller.actingClient().isPresent() ? TREATMENT : PATIENT_REQUESTED);
        }
        return Optional.empty();
    }

    public static Optional<String> known(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return KNOWN.contains(upper) ? Optional.of(upper) : Optional.empty();
    }
}
