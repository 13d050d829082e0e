package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;

class TokenValidationTest extends BridgeIntegrationTest {

    private static final String NUMBER = "079090001111";

    private TokenBuilder valid() {
        return ISSUER.token().citizen(NUMBER).scope("openid patient/Patient.rs");
    }

    private HttpResponse<String> readOwn(String token) {
        return get("/fhir/Patient/" + TokenBuilder.patientIdOf(NUMBER), token);
    }

    private static void assertInvalidToken(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorCode(response)).isEqualTo(code);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value)
                        .startsWith("Bearer")
                        .contains("error=\"invalid_token\"")
                        .contains(code));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
    }

    @Test
    void acceptsRsaSignedAccessToken() {
        assertThat(readOwn(valid().sign()).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsEcSignedAccessToken() {
        assertThat(readOwn(valid().signedWithEc().sign()).statusCode()).isEqualTo(200);
    }

    @Test
    void requestWithoutTokenIsUnauthorizedWithBearerChallenge() {
        HttpResponse<String> response = readOwn(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorCode(response)).isEqualTo("TOKEN_MISSING");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void rejectsExpiredToken() {
        assertInvalidToken(
                readOwn(valid().expiresAt(Instant.now().minus(Duration.ofMinutes(2)))
                        .sign()),
                "TOKEN_EXPIRED");
    }

    @Test
    void acceptsTokenExpiredWithinClockSkew() {
        assertThat(readOwn(valid().expiresAt(Instant.now().minusSeconds(5)).sign())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void rejectsTokenNotYetValid() {
        assertInvalidToken(
                readOwn(valid().notBefore(Instant.now().plus(Duration.ofMinutes(3)))
                        .sign()),
                "TOKEN_NOT_YET_VALID");
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        assertInvalidToken(readOwn(valid().claim("aud", List.of("account")).sign()), "TOKEN_WRONG_AUDIENCE");
    }

    @Test
    void rejectsTokenFromAnotherIssuer() {
        assertInvalidToken(
                readOwn(valid().claim("iss", "http://127.0.0.1:1/realms/other").sign()), "TOKEN_WRONG_ISSUER");
    }

    @Test
    void rejectsLogoutTokenUsedAsAccessToken() {
        assertInvalidToken(readOwn(valid().claim("typ", "Logout").sign()), "TOKEN_WRONG_TYPE");
    }

    @Test
    void rejectsIdTokenUsedAsAccessToken() {
        assertInvalidToken(readOwn(valid().claim("typ", "ID").sign()), "TOKEN_WRONG_TYPE");
    }

    @Test
    void rejectsUnexpectedHeaderType() {
        assertInvalidToken(readOwn(valid().headerType("logout+jwt").sign()), "TOKEN_WRONG_TYPE");
    }

    @Test
    void rejectsTokenSignedByUnpublishedKey() {
        assertInvalidToken(readOwn(valid().signedWith(ISSUER.unpublishedKey()).sign()), "TOKEN_INVALID");
    }

    @Test
    void rejectsHmacSignedTokenOutsideTheAlgorithmAllowList() {
        byte[] secret = "a-shared-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
        assertInvalidToken(readOwn(valid().signedWithHmac(secret).sign()), "TOKEN_INVALID");
    }

    @Test
    void rejectsMalformedToken() {
        assertInvalidToken(readOwn("not.a.jwt"), "TOKEN_INVALID");
    }

    @Test
    void rejectsFhirUserThatIsNotTheNationalIdsPatient() {
        String token = valid().claim("fhirUser", "Patient/" + TokenBuilder.patientIdOf("001190009999"))
                .sign();
        assertInvalidToken(readOwn(token), "TOKEN_CLAIM_INVALID");
    }

    @Test
    void acceptsTokensSignedWithARotatedKey() {
        ISSUER.rotate();
        assertThat(readOwn(valid().sign()).statusCode()).isEqualTo(200);
    }
}
