package vn.healthid.identity.keycloak.vneid.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

    @Test
    void encodesTheTokenRequestAsAUtf8FormWithCredentialsInTheBody() {
        TokenRequest request = TokenRequest.authorizationCode(
                "c/o+de=1&x", "https://id.example.vn/realms/health/broker/vneid/endpoint", "rp-1", "s3cr3t ő", "v-123");

        assertThat(request.body())
                .isEqualTo("grant_type=authorization_code&code=c%2Fo%2Bde%3D1%26x"
                        + "&redirect_uri=https%3A%2F%2Fid.example.vn%2Frealms%2Fhealth%2Fbroker%2Fvneid%2Fendpoint"
                        + "&client_id=rp-1&client_secret=s3cr3t+%C5%91&code_verifier=v-123");
    }

    @Test
    void leavesOutAbsentFieldsInsteadOfSendingEmptyValues() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "1");
        fields.put("b", null);
        fields.put("c", "Nguyễn");

        assertThat(FormBody.encode(fields)).isEqualTo("a=1&c=Nguy%E1%BB%85n");
    }

    @Test
    void neverPrintsTheSecretOrTheCode() {
        TokenRequest request =
                TokenRequest.authorizationCode("the-code", "https://rp", "rp-1", "the-secret", "the-verifier");

        assertThat(request.toString()).doesNotContain("the-code", "the-secret", "the-verifier");
    }
}
