package vn.healthid.bridge.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.identity.NationalIds;
import vn.healthid.bridge.identity.PatientIds;
import vn.healthid.bridge.smart.GrantedScopes;

/**
 * Reads the {@link Caller} from a verified token: the one place that reads {@code fhirUser},
 * {@code act.client_id}, {@code acr}, {@code auth_time} and the scopes. A citizen is named by
 * {@code fhirUser} ({@code Patient/<id>}); when the token also carries {@code national_id}
 * (confidential clinic clients only, docs/patient-id.md) the id must be that number's, and any
 * inconsistency makes the token invalid rather than guessing. Public clients' tokens carry no
 * number: the citizen is then known by {@code fhirUser} alone.
 */
public final class CallerAuthenticationConverter implements Converter<Jwt, CallerAuthentication> {

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final String PATIENT_PREFIX = "Patient/";
    private static final String PRACTITIONER_PREFIX = "Practitioner/";

    private final PatientIds patientIds;
    private final Assurance assurance;

    public CallerAuthenticationConverter(PatientIds patientIds, Assurance assurance) {
        this.patientIds = patientIds;
        this.assurance = assurance;
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        return new CallerAuthentication(caller(jwt), jwt);
    }

    public Caller caller(Jwt jwt) {
        Caller.Identity identity = identity(jwt);
        Optional<CitizenClaims> citizen =
                identity.kind() == Caller.Kind.CITIZEN ? citizen(jwt, identity.id()) : Optional.empty();
        return new Caller(
                identity,
                GrantedScopes.of(jwt),
                new Caller.Proof(Optional.ofNullable(jwt.getClaimAsString("acr")), authTime(jwt)),
                citizen,
                StaffProof.ABSENT,
                assurance);
    }

    private static Caller.Identity identity(Jwt jwt) {
        String subject = jwt.getSubject() == null ? "" : jwt.getSubject();
        String client = jwt.getClaimAsString("azp");
        Optional<String> actor = actor(jwt);
        Optional<String> purpose = Optional.ofNullable(jwt.getClaimAsString("purpose_of_use"));
        String fhirUser = jwt.getClaimAsString("fhirUser");
        if (fhirUser == null) {
            return new Caller.Identity(Caller.Kind.SYSTEM, client, subject, client, actor, purpose);
        }
        if (fhirUser.startsWith(PATIENT_PREFIX)) {
            String id = logicalId(fhirUser, PATIENT_PREFIX);
            return new Caller.Identity(Caller.Kind.CITIZEN, id, subject, client, actor, purpose);
        }
        if (fhirUser.startsWith(PRACTITIONER_PREFIX)) {
            String id = logicalId(fhirUser, PRACTITIONER_PREFIX);
            return new Caller.Identity(Caller.Kind.PRACTITIONER, id, subject, client, actor, purpose);
        }
        throw invalid("fhirUser must be a Patient or a Practitioner");
    }

    private static String logicalId(String fhirUser, String prefix) {
        String id = fhirUser.substring(prefix.length());
        if (!LOGICAL_ID.matcher(id).matches()) {
            throw invalid("fhirUser is not a valid reference");
        }
        return id;
    }

    private Optional<CitizenClaims> citizen(Jwt jwt, String patientId) {
        String number = jwt.getClaimAsString("national_id");
        if (number == null) {
            return Optional.empty();
        }
        if (!NationalIds.isValid(number) || !patientIds.matches(patientId, number)) {
            throw invalid("fhirUser does not belong to national_id");
        }
        return Optional.of(new CitizenClaims(
                number,
                Optional.ofNullable(jwt.getClaimAsString("name")),
                Optional.ofNullable(jwt.getClaimAsString("given_name")),
                Optional.ofNullable(jwt.getClaimAsString("family_name")),
                birthDate(jwt.getClaimAsString("birthdate")),
                Optional.ofNullable(jwt.getClaimAsString("gender"))));
    }

    private static Optional<Instant> authTime(Jwt jwt) {
        Object value = jwt.getClaims().get("auth_time");
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (value instanceof java.util.Date date) {
            return Optional.of(date.toInstant());
        }
        if (value instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        throw invalid("auth_time is not a NumericDate");
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

    /** The clerk's token as a {@link StaffProof}; the token was verified by the same decoder. */
    public static StaffProof staffProof(Jwt staff) {
        String client = staff.getClaimAsString("azp");
        if (client == null) {
            return StaffProof.INVALID;
        }
        return new StaffProof(
                StaffProof.State.VALID,
                client,
                Optional.ofNullable(staff.getSubject()).filter(sub -> !sub.isBlank()),
                Optional.ofNullable(staff.getClaimAsString("fhirUser")),
                Optional.ofNullable(staff.getClaimAsString("family_name")),
                Optional.ofNullable(staff.getClaimAsString("given_name")),
                Optional.ofNullable(staff.getClaimAsString("name")),
                Optional.ofNullable(staff.getClaimAsString("national_id")));
    }

    private static OAuth2AuthenticationException invalid(String why) {
        return new OAuth2AuthenticationException(
                new OAuth2Error("invalid_token", BridgeError.TOKEN_CLAIM_INVALID.name(), null), why);
    }
}
