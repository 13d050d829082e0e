package vn.healthid.bridge.coverage.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.identity.PersonNames;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.CallerAuthenticationConverter;
import vn.healthid.bridge.security.StaffProof;
import vn.healthid.bridge.testsupport.Callers;
import vn.healthid.bridge.testsupport.TokenBuilder;

class CoverageAccessTest {

    static final String CLINIC = "clinic-reception";
    static final String CHIP_AA = "urn:vn:healthid:acr:chip-aa";
    static final StaffIdentity OFFICER = new StaffIdentity("Cán Bộ", "079085007777");
    static final Map<String, Jwt> STAFF_TOKENS = Map.of(
            "clerk",
                    jwt(Map.of(
                            "azp", CLINIC, "name", StandIns.CLERK.name(), "national_id", StandIns.CLERK.nationalId())),
            "other-clinic-clerk", jwt(Map.of("azp", "clinic-other", "name", "X", "national_id", "079085001111")),
            "nameless", jwt(Map.of("azp", CLINIC)),
            "practitioner-clerk",
                    jwt(Map.of(
                            "azp",
                            CLINIC,
                            "fhirUser",
                            "Practitioner/clerk01",
                            "name",
                            StandIns.CLERK.name(),
                            "national_id",
                            StandIns.CLERK.nationalId())),
            "citizen-as-clerk",
                    jwt(Map.of(
                            "azp",
                            CLINIC,
                            "fhirUser",
                            "Patient/p9",
                            "name",
                            StandIns.CLERK.name(),
                            "national_id",
                            StandIns.CLERK.nationalId())));

    static final String CITIZEN_NUMBER = "079090000101";
    static final String P1 = TokenBuilder.patientIdOf(CITIZEN_NUMBER);
    static final String P2 = TokenBuilder.patientIdOf("079090000202");

    final CoverageAccess access = new CoverageAccess(
            new AccessSettings(Set.of(CHIP_AA), "X-Staff-Token", OFFICER),
            ConsentAccess.NONE,
            RegisteredIdentities.none());

    /** The staff token as Spring Security verified it: absent, rejected, or its claims. */
    static Caller withStaff(Jwt citizen, String staffToken) {
        Caller caller = Callers.of(citizen);
        if (staffToken == null) {
            return caller;
        }
        Jwt staff = STAFF_TOKENS.get(staffToken);
        return caller.withStaff(
                staff == null
                        ? new StaffProof(
                                StaffProof.State.INVALID,
                                null,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())
                        : CallerAuthenticationConverter.staffProof(staff));
    }

    Lookup decide(Jwt citizen, String patientId, String staffToken) {
        return access.decide(withStaff(citizen, staffToken), patientId);
    }

    static Jwt jwt(Map<String, Object> claims) {
        var b = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now());
        claims.forEach(b::claim);
        return b.build();
    }

    static Jwt citizen(String acr, boolean viaClinic, String scope) {
        var claims = new HashMap<String, Object>(Map.of(
                "fhirUser",
                "Patient/" + P1,
                "national_id",
                CITIZEN_NUMBER,
                "name",
                "Nguyễn Văn An",
                "birthdate",
                "1990-03-15",
                "acr",
                acr,
                "scope",
                scope));
        if (viaClinic) {
            claims.put("act", Map.of("client_id", CLINIC));
            claims.put("azp", CLINIC);
        }
        return jwt(claims);
    }

    static String code(Runnable r) {
        try {
            r.run();
            return "allowed";
        } catch (BridgeFhirException e) {
            return e.code().name();
        }
    }

    @Test
    void clinicWithChipPresentTokenAsksOnBehalfOfItsClerk() {
        var subject = decide(citizen(CHIP_AA, true, "patient/CoverageEligibilityRequest.c"), P1, "clerk");
        assertThat(subject.staff()).isEqualTo(StandIns.CLERK);
        assertThat(subject.query().maThe()).isEqualTo("079090000101");
        assertThat(subject.birthDate()).isEqualTo(LocalDate.of(1990, 3, 15));
        assertThat(subject.clientId()).isEqualTo(CLINIC);
    }

    @Test
    void clinicNeedsAChipLevel() {
        var vneid = citizen("urn:vn:healthid:acr:vneid-2", true, "patient/CoverageEligibilityRequest.c");
        assertThat(code(() -> decide(vneid, P1, "clerk"))).isEqualTo("COVERAGE_CHIP_REQUIRED");
    }

    @Test
    void clinicNeedsItsOwnClerksValidToken() {
        var token = citizen(CHIP_AA, true, "patient/CoverageEligibilityRequest.c");
        assertThat(code(() -> decide(token, P1, null))).isEqualTo("COVERAGE_STAFF_IDENTITY_REQUIRED");
        assertThat(code(() -> decide(token, P1, "forged"))).isEqualTo("COVERAGE_STAFF_TOKEN_INVALID");
        assertThat(code(() -> decide(token, P1, "other-clinic-clerk"))).isEqualTo("COVERAGE_STAFF_TOKEN_INVALID");
        assertThat(code(() -> decide(token, P1, "nameless"))).isEqualTo("COVERAGE_STAFF_TOKEN_INVALID");
    }

    @Test
    void clerkSignedInAsAPractitionerIsAStaffIdentityButACitizenTokenIsNot() {
        var token = citizen(CHIP_AA, true, "patient/CoverageEligibilityRequest.c");
        assertThat(decide(token, P1, "practitioner-clerk").staff()).isEqualTo(StandIns.CLERK);
        assertThat(code(() -> decide(token, P1, "citizen-as-clerk"))).isEqualTo("COVERAGE_STAFF_TOKEN_INVALID");
    }

    @Test
    void theGatewayGetsTheVietnameseFullNameFamilyNameFirst() {
        var parts = jwt(Map.of("name", "Văn An Nguyễn", "family_name", "Nguyễn", "given_name", "Văn An"));
        assertThat(PersonNames.fullName(Optional.of("Nguyễn"), Optional.of("Văn An"), Optional.of("Văn An Nguyễn")))
                .isEqualTo("Nguyễn Văn An");
        assertThat(PersonNames.fullName(Optional.empty(), Optional.empty(), Optional.of("Nguyễn Văn An")))
                .isEqualTo("Nguyễn Văn An");
        assertThat(PersonNames.fullName(Optional.empty(), Optional.empty(), Optional.empty()))
                .isNull();
    }

    @Test
    void citizenAsksForThemselvesUnderTheSelfServiceOfficer() {
        var subject = decide(citizen("urn:vn:healthid:acr:vneid-2", false, "patient/Coverage.rs"), P1, null);
        assertThat(subject.staff()).isEqualTo(OFFICER);
    }

    @Test
    void nobodyAsksForAnotherPatient() {
        var token = citizen(CHIP_AA, true, "patient/CoverageEligibilityRequest.c");
        assertThat(code(() -> decide(token, P2, "clerk"))).isEqualTo("COVERAGE_NOT_OWN_PATIENT");
    }

    @Test
    void aClinicWithoutTheCitizensTokenNeedsAConsentWhichDoesNotExistYet() {
        var clinicOnly = jwt(Map.of("azp", CLINIC, "scope", "system/CoverageEligibilityRequest.c"));
        assertThat(code(() -> decide(clinicOnly, P1, "clerk"))).isEqualTo("COVERAGE_CONSENT_REQUIRED");
    }

    @Test
    void tokensWithoutACoverageScopeAreRefused() {
        var token = citizen(CHIP_AA, false, "openid patient/Patient.rs patient/Coverage.write");
        assertThat(code(() -> decide(token, P1, null))).isEqualTo("COVERAGE_SCOPE_MISSING");
    }
}
