package vn.healthid.identity.keycloak.vneid.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthid.identity.keycloak.vneid.wire.EnvelopeDecryptorTest.assertReason;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireException.Reason;

class VneidWireAdapterTest {

    private static final KeyPair RP = TestEnvelopes.rsaKeyPair();
    private final VneidWireAdapter adapter =
            new VneidWireAdapter(new EnvelopeDecryptor(RP.getPrivate(), EnvelopeSpec.DEFAULT), true);

    @Test
    void decryptsTheAuthorizationCodeBeforeTheTokenRequest() throws Exception {
        String envelope = TestEnvelopes.seal("{\"code\":\"plain-code-42\"}", RP.getPublic());
        String parameter =
                Base64.getUrlEncoder().withoutPadding().encodeToString(envelope.getBytes(StandardCharsets.UTF_8));

        assertThat(adapter.authorizationCode(parameter)).isEqualTo("plain-code-42");
    }

    @Test
    void passesAPlainCodeThroughWhenCodeEncryptionIsOff() throws Exception {
        var plain = new VneidWireAdapter(new EnvelopeDecryptor(RP.getPrivate(), EnvelopeSpec.DEFAULT), false);

        assertThat(plain.authorizationCode("abc")).isEqualTo("abc");
    }

    @Test
    void rejectsAnAuthorizationCodeThatIsNotAnEnvelope() {
        assertReason(() -> adapter.authorizationCode("bm90LWpzb24"), Reason.ENVELOPE_MALFORMED);
    }

    @Test
    void readsTheAccessTokenOfAnEncryptedTokenResponse() throws Exception {
        String body = TestEnvelopes.seal("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}", RP.getPublic());

        assertThat(adapter.accessToken(body)).isEqualTo("at-1");
    }

    @Test
    void rejectsATokenResponseWithoutAccessToken() {
        String body = TestEnvelopes.seal("{\"error\":\"invalid_grant\"}", RP.getPublic());

        assertReason(() -> adapter.accessToken(body), Reason.TOKEN_MISSING);
    }

    @Test
    void readsTheCitizenClaimsOfAnEncryptedUserInfo() throws Exception {
        String body = TestEnvelopes.seal(
                "{\"citizenPid\":\"079203001234\",\"fullName\":\"Nguyễn Văn An\",\"birthDate\":\"15/03/2003\","
                        + "\"accountType\":\"CONG_DAN\",\"accountLevel\":2}",
                RP.getPublic());

        VneidClaims claims = adapter.userInfo(body);

        assertThat(claims.citizenPid()).isEqualTo("079203001234");
        assertThat(claims.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(claims.birthDate()).isEqualTo(LocalDate.of(2003, 3, 15));
        assertThat(claims.accountLevel()).isEqualTo(2);
        assertThat(claims.toString()).doesNotContain("079203001234");
    }

    @Test
    void refusesClaimsWithoutATwelveDigitCitizenPid() {
        String body = TestEnvelopes.seal("{\"citizenPid\":\"07920300123\",\"accountLevel\":\"2\"}", RP.getPublic());

        assertReason(() -> adapter.userInfo(body), Reason.CLAIMS_INVALID);
    }

    @Test
    void refusesAnAccountLevelOtherThanOneOrTwo() {
        String body = TestEnvelopes.seal("{\"citizenPid\":\"079203001234\",\"accountLevel\":\"3\"}", RP.getPublic());

        assertReason(() -> adapter.userInfo(body), Reason.CLAIMS_INVALID);
    }
}
