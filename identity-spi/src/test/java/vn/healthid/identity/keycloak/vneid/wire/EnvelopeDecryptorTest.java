package vn.healthid.identity.keycloak.vneid.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireException.Reason;

class EnvelopeDecryptorTest {

    private static final KeyPair RP = TestEnvelopes.rsaKeyPair();
    private static final KeyPair OTHER = TestEnvelopes.rsaKeyPair();
    private static final String PAYLOAD = "{\"access_token\":\"at-123\",\"token_type\":\"Bearer\",\"expires_in\":300}";

    private static EnvelopeDecryptor decryptor(ContentCipher cipher, OaepDigest oaep) {
        return new EnvelopeDecryptor(RP.getPrivate(), new EnvelopeSpec(cipher, oaep, EnvelopeSpec.DEFAULT_MAX_BYTES));
    }

    @ParameterizedTest
    @EnumSource(ContentCipher.class)
    void opensEnvelopeSealedForTheRelyingParty(ContentCipher cipher) throws Exception {
        String body = TestEnvelopes.seal(PAYLOAD, RP.getPublic(), cipher, OaepDigest.SHA_256)
                .json();

        assertThat(decryptor(cipher, OaepDigest.SHA_256)
                        .open(body)
                        .get("access_token")
                        .asText())
                .isEqualTo("at-123");
    }

    @Test
    void opensEnvelopeWrappedWithOaepSha1WhenConfigured() throws Exception {
        String body = TestEnvelopes.seal(PAYLOAD, RP.getPublic(), ContentCipher.AES_GCM, OaepDigest.SHA_1)
                .json();

        assertThat(decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_1)
                        .open(body)
                        .get("token_type")
                        .asText())
                .isEqualTo("Bearer");
    }

    @Test
    void acceptsUrlSafeBase64WithoutPadding() throws Exception {
        var sealed = TestEnvelopes.seal(PAYLOAD, RP.getPublic(), ContentCipher.AES_GCM, OaepDigest.SHA_256);
        var url = Base64.getUrlEncoder().withoutPadding();
        String body = "{\"data\":\"" + url.encodeToString(sealed.data()) + "\",\"key\":\""
                + url.encodeToString(sealed.key()) + "\"}";

        assertThat(decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256)
                        .open(body)
                        .has("access_token"))
                .isTrue();
    }

    @Test
    void rejectsGcmCiphertextWithOneBitFlippedAsTampered() {
        var sealed = TestEnvelopes.seal(PAYLOAD, RP.getPublic(), ContentCipher.AES_GCM, OaepDigest.SHA_256);
        sealed.data()[20] ^= 0x01;

        assertReason(
                () -> decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256).open(sealed.json()),
                Reason.PAYLOAD_TAMPERED);
    }

    @Test
    void rejectsCbcCiphertextWhosePaddingWasAltered() {
        var sealed = TestEnvelopes.seal(PAYLOAD, RP.getPublic(), ContentCipher.AES_CBC, OaepDigest.SHA_256);
        // Flipping the last byte of the second-to-last block flips the last padding byte: padding can no longer match.
        sealed.data()[sealed.data().length - 17] ^= 0x01;

        assertReason(
                () -> decryptor(ContentCipher.AES_CBC, OaepDigest.SHA_256).open(sealed.json()),
                Reason.PAYLOAD_TAMPERED);
    }

    @Test
    void rejectsDataPairedWithTheKeyOfAnotherEnvelope() {
        var first = TestEnvelopes.seal(PAYLOAD, RP.getPublic(), ContentCipher.AES_GCM, OaepDigest.SHA_256);
        var second = TestEnvelopes.seal(PAYLOAD, RP.getPublic(), ContentCipher.AES_GCM, OaepDigest.SHA_256);
        var spliced = new TestEnvelopes.Sealed(first.data(), second.key());

        assertReason(
                () -> decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256).open(spliced.json()),
                Reason.PAYLOAD_TAMPERED);
    }

    @Test
    void rejectsEnvelopeSealedForAnotherRelyingParty() {
        String body = TestEnvelopes.seal(PAYLOAD, OTHER.getPublic());

        assertReason(() -> decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256).open(body), Reason.KEY_UNWRAP_FAILED);
    }

    @Test
    void rejectsPlainJsonTokenResponseAsMalformedEnvelope() {
        assertReason(
                () -> decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256).open(PAYLOAD), Reason.ENVELOPE_MALFORMED);
    }

    @Test
    void rejectsEnvelopeWhoseDataIsNotBase64() {
        assertReason(
                () -> decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256).open("{\"data\":\"%%%\",\"key\":\"AAAA\"}"),
                Reason.ENVELOPE_MALFORMED);
    }

    @Test
    void rejectsHtmlErrorPageAsMalformedEnvelope() {
        assertReason(
                () -> decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256).open("<html>502 Bad Gateway</html>"),
                Reason.ENVELOPE_MALFORMED);
    }

    @Test
    void rejectsDecryptedContentThatIsNotAJsonObject() {
        String body = TestEnvelopes.seal("not json at all", RP.getPublic());

        assertReason(() -> decryptor(ContentCipher.AES_GCM, OaepDigest.SHA_256).open(body), Reason.PAYLOAD_NOT_JSON);
    }

    @Test
    void rejectsBodyOverTheLimitBeforeDecrypting() {
        var small = new EnvelopeDecryptor(
                RP.getPrivate(), new EnvelopeSpec(ContentCipher.AES_GCM, OaepDigest.SHA_256, 100));

        assertReason(() -> small.open(TestEnvelopes.seal(PAYLOAD, RP.getPublic())), Reason.PAYLOAD_TOO_LARGE);
    }

    static void assertReason(ThrowingCall call, Reason reason) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        VneidWireException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
