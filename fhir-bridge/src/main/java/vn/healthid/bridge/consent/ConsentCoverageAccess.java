package vn.healthid.bridge.consent;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.coverage.access.ConsentAccess;
import vn.healthid.bridge.coverage.access.Lookup;
import vn.healthid.bridge.coverage.access.RegisteredIdentities;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.patient.PatientRegistry;
import vn.healthid.bridge.patient.PatientTranslator;
import vn.healthid.bridge.security.Caller;

/**
 * Coverage lookups by a clinic's own system token: allowed when the citizen's consent names the
 * client ({@code azp}) for payment ({@link #PURPOSE}). The identity sent to the gateway comes from
 * the stored Patient (written from the citizen's verified token), not from the clinic.
 */
@Component
public final class ConsentCoverageAccess implements ConsentAccess {

    /** HL7 v3 ActReason "healthcare payment": the purpose a consent must grant for coverage lookups. */
    public static final String PURPOSE = "HPAYMT";

    private final ConsentCheck check;
    private final PatientRegistry patients;
    private final PatientTranslator translator;
    private final Clock clock;
    private final String purpose;

    @Autowired
    public ConsentCoverageAccess(
            ConsentCheck check, PatientRegistry patients, PatientTranslator translator, Clock clock) {
        this(check, patients, translator, clock, PURPOSE);
    }

    private ConsentCoverageAccess(
            ConsentCheck check, PatientRegistry patients, PatientTranslator translator, Clock clock, String purpose) {
        this.check = check;
        this.patients = patients;
        this.translator = translator;
        this.clock = clock;
        this.purpose = purpose;
    }

    @Override
    public ConsentAccess forPurpose(String purpose) {
        return new ConsentCoverageAccess(check, patients, translator, clock, purpose);
    }

    @Override
    public Optional<Lookup> subjectUnderConsent(
            Caller caller, String patientId, Function<String, StaffIdentity> staffOf) {
        String client = caller.clientId();
        if (client == null || client.isBlank()) {
            return Optional.empty();
        }
        ConsentDecision decision = check.allows(patientId, client, purpose, clock.instant());
        if (!decision.granted()) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_CONSENT_REQUIRED,
                    "no chip-present token or " + purpose + " consent for this patient (" + decision.verdict() + ")");
        }
        Patient patient = patients.find(patientId)
                .map(translator::toFhir)
                .orElseThrow(() -> new BridgeFhirException(
                        CoverageError.COVERAGE_IDENTITY_INCOMPLETE, "the consented Patient is not stored"));
        RegisteredIdentities.Identity identity = RegisteredIdentities.fromPatient(patient);
        return Optional.of(new Lookup(
                patientId,
                identity.nationalId(),
                identity.fullName(),
                identity.birthDate(),
                staffOf.apply(client),
                client));
    }
}
