package vn.healthid.bridge.security;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.patient.NationalIds;
import vn.healthid.bridge.patient.PatientIds;
import vn.healthid.bridge.smart.GrantedScopes;

/**
 * Reads the {@link Caller} from a verified token. A citizen token's {@code fhirUser}
 * ({@code Patient/<id>}) must be the id of its {@code national_id} (docs/patient-id.md); any
 * inconsistency makes the token invalid rather than guessing.
 */
public final class CallerAuthenticationConverter implements Converter<Jwt, CallerAuthentication> {

    private static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private static final String PATIENT_PREFIX = "Patient/";

    private final PatientIds patientIds;

    public CallerAuthenticationConverter(PatientIds patientIds) {
        this.patientIds = patientIds;
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        Optional<String> patientId = patientId(jwt);
        Optional<CitizenClaims> citizen = patientId.map(id -> citizen(jwt, id));
        Caller caller = new Caller(
                jwt.getSubject() == null ? "" : jwt.getSubject(),
                jwt.getClaimAsString("azp"),
                GrantedScopes.of(jwt),
                patientId,
                citizen,
                Optional.ofNullable(jwt.getClaimAsString("acr")),
                actor(jwt));
        return new CallerAuthentication(caller, jwt);
    }

    private static Optional<String> patientId(Jwt jwt) {
        String fhirUser = jwt.getClaimAsString("fhirUser");
        if (fhirUser == null || !fhirUser.startsWith(PATIENT_PREFIX)) {
            return Optional.empty();
        }
        String id = fhirUser.substring(PATIENT_PREFIX.length());
        if (!PATIENT_ID.matcher(id).matches()) {
            throw invalid("fhirUser is not a Patient reference");
        }
        return Optional.of(id);
    }

    private CitizenClaims citizen(Jwt jwt, String patientId) {
        String number = jwt.getClaimAsString("national_id");
        if (!NationalIds.isValid(number) || !patientIds.matches(patientId, number)) {
            throw invalid("fhirUser does not belong to national_id");
        }
        return new CitizenClaims(
                number,
                Optional.ofNullable(jwt.getClaimAsString("name")),
                Optional.ofNullable(jwt.getClaimAsString("given_name")),
                Optional.ofNullable(jwt.getClaimAsString("family_name")),
                birthDate(jwt.getClaimAsString("birthdate")),
                Optional.ofNullable(jwt.getClaimAsString("gender")));
    }

    private static Optional<LocalDate> birthDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw invalid("birthdate is not yyyy-MM-dd");
        }
    }

    private static Optional<String> actor(Jwt jwt) {
        if (jwt.getClaims().get("act") instanceof Map<?, ?> act && act.get("client_id") instanceof String id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    private static OAuth2AuthenticationException invalid(String why) {
        return new OAuth2AuthenticationException(
                new OAuth2Error("invalid_token", ErrorCode.TOKEN_CLAIM_INVALID.name(), null), why);
    }
}
