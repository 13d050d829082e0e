package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.jmrtd.lds.icao.DG15File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActiveAuthenticationTest {

    private static final byte[] RND_IFD = {1, 2, 3, 4, 5, 6, 7, 8};

    private final CardIssuer issuer = new CardIssuer(Fixtures.rsaPki());

    @ParameterizedTest
    @EnumSource(value = AaKey.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void chipSignatureVerifiesWithTheDg15Key(AaKey aaKey) throws Exception {
        Card card = issuer.issue(Fixtures.citizen(), CardSpec.defaults().withAaKey(aaKey));
        byte[] signature = card.answerChallenge(RND_IFD);
        assertThat(AaVerifier.verifies(card.files(), RND_IFD, signature)).isTrue();
        byte[] otherChallenge = RND_IFD.clone();
        otherChallenge[0] ^= 1;
        assertThat(AaVerifier.verifies(card.files(), otherChallenge, signature)).isFalse();
    }

    @Test
    void rsaTrailersNameSha1ImplicitlyAndSha256Explicitly() throws Exception {
        assertThat(trailerOf(AaKey.RSA_1024_SHA1)).isEqualTo(0xBC);
        assertThat(trailerOf(AaKey.RSA_2048_SHA256)).isEqualTo(0x34CC);
    }

    @Test
    void mismatchedChipKeyFailsAgainstDg15() throws Exception {
        Card card = issuer.issue(Fixtures.citizen(), CardSpec.defaults().withFault(CardFault.AA_KEY_MISMATCH));
        assertThat(AaVerifier.verifies(card.files(), RND_IFD, card.answerChallenge(RND_IFD)))
                .isFalse();
    }

    @Test
    void cardWithoutAaKeyRefusesChallengesAndBundlesNoSignature() {
        Card card = issuer.issue(Fixtures.citizen(), CardSpec.defaults().withAaKey(AaKey.NONE));
        assertThatThrownBy(() -> card.answerChallenge(RND_IFD)).isInstanceOf(IllegalStateException.class);
        assertThat(card.bundleJson("AAAAAAAAAAAAAAAAAAAAAA")).doesNotContain("aaSignature");
    }

    @Test
    void challengeIsTheFirstEightBytesOfTheDocumentedHash() throws Exception {
        byte[] nonce = new byte[16];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("healthid-aa-v1".getBytes(StandardCharsets.US_ASCII));
        assertThat(AaChallenge.derive(nonce)).isEqualTo(Arrays.copyOf(sha256.digest(nonce), 8));
    }

    @Test
    void refusesChallengesThatAreNotEightBytes() {
        Card card = issuer.issue(Fixtures.citizen(), CardSpec.defaults());
        assertThatThrownBy(() -> card.answerChallenge(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private int trailerOf(AaKey aaKey) throws Exception {
        Card card = issuer.issue(Fixtures.citizen(), CardSpec.defaults().withAaKey(aaKey));
        RSAPublicKey key = (RSAPublicKey)
                new DG15File(new ByteArrayInputStream(card.files().get("DG15"))).getPublicKey();
        return AaVerifier.trailer(key, card.answerChallenge(RND_IFD));
    }
}
