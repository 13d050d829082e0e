package vn.healthid.bridge.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.coverage.access.AccessDenied;
import vn.healthid.bridge.coverage.access.ConsentAccess;
import vn.healthid.bridge.coverage.access.Subject;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.patient.IdentifierSystems;
import vn.healthid.bridge.patient.PatientRegistry;
import vn.healthid.bridge.patient.PatientTranslator;

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
    public Optional<Subject> subjectUnderConsent(
            Jwt caller, String patientId, Function<String, StaffIdentity> staffOf) {
        String client = caller.getClaimAsString("azp");
        if (client == null || client.isBlank()) {
            return Optional.empty();
        }
        ConsentDecision decision = check.allows(patientId, client, purpose, clock.instant());
        if (!decision.granted()) {
            throw new AccessDenied(
                    "COVERAGE_CONSENT_REQUIRED",
                    "no chip-present token or " + purpose + " consent for this patient (" + decision.verdict() + ")");
        }
        Patient patient = patients.find(patientId)
                .map(translator::toFhir)
                .orElseThrow(() -> incomplete("the consented Patient is not stored"));
        return Optional.of(new Subject(
                patientId, nationalId(patient), fullName(patient), birthDate(patient), staffOf.apply(client), client));
    }

    private static String nationalId(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(i -> IdentifierSystems.CCCD.equals(i.getSystem()))
                .map(Identifier::getValue)
                .findFirst()
                .orElseThrow(() -> incomplete("the Patient has no CCCD identifier"));
    }

    /** Vietnamese order, family name first, as the gateway holds it; the text when parts are missing. */
    private static String fullName(Patient patient) {
        HumanName name = patient.getNameFirstRep();
        if (name.hasFamily() && name.hasGiven()) {
            String given = name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining(" "));
            return name.getFamily().strip() + " " + given.strip();
        }
        if (name.hasText()) {
            return name.getText().strip();
        }
        throw incomplete("the Patient has no name");
    }

    private static LocalDate birthDate(Patient patient) {
        if (!patient.hasBirthDate()) {
            throw incomplete("the Patient has no birth date");
        }
        try {
            return LocalDate.parse(patient.getBirthDateElement().getValueAsString());
        } catch (DateTimeParseException e) {
            throw incomplete("the Patient's birth date is not a full date");
        }
    }

    private static AccessDenied incomplete(String message) {
        return new AccessDenied("COVERAGE_IDENTITY_INCOMPLETE", message);
    }
}
