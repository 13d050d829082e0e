package vn.healthid.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.SignatureScheme;

/**
 * DG14/DG15 key encodings an issuer could sign (issue 20 item 3): the cards are re-signed by a hand-made PKI so that
 * only the encoding differs, the chip's AA answer still verifies with the key, and only ACTIVE_AUTHENTICATION fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AaKeyEncodingTest {

    private static final byte[] RSA_ENCRYPTION_OID = HexFormat.of().parseHex("06092a864886f70d010101");

    private final SandboxFixture sandbox = new SandboxFixture(59, SignatureScheme.ECDSA_P256_SHA256);
    private final Card ecCard = sandbox.card(CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
    private final Card rsaCard = sandbox.card(CardSpec.defaults().withAaKey(AaKey.RSA_2048_SHA256));
    private final HandMadePki pki = new HandMadePki(SandboxFixture.NOW);

    AaKeyEncodingTest() throws Exception {}

    private VerificationResult resigned(Card card, Map<String, byte[]> replaced) throws Exception {
        byte[] nonce = SandboxFixture.nonce();
        BundleEditor bundle = new BundleEditor(SandboxFixture.bundle(card, nonce)).withoutFile("COM");
        Map<Integer, byte[]> groups = new TreeMap<>();
        for (String name : new String[] {"DG1", "DG2", "DG13", "DG14", "DG15"}) {
            byte[] file = replaced.containsKey(name)
                    ? replaced.get(name)
                    : card.files().get(name);
            if (file != null) {
                bundle.file(name, file);
                groups.put(Integer.parseInt(name.substring(2)), file);
            }
        }
        byte[] json = bundle.file("SOD", pki.sod(groups)).json();
        return new ChipVerifier(TrustStore.fromPem(pki.trustPem()), SandboxFixture.CLOCK).verify(json, nonce);
    }

    private static void assertRefusedByActiveAuthentication(VerificationResult result, ReasonCode reason) {
        assertThat(result.verified()).isFalse();
        assertThat(result.failures())
                .extracting(CheckResult::check, CheckResult::reason)
                .containsExactly(tuple(Check.ACTIVE_AUTHENTICATION, reason));
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            value.writeBytes(part);
        }
        int length = value.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }

    private static SubjectPublicKeyInfo spki(Card card) {
        byte[] dg15 = card.files().get("DG15");
        return SubjectPublicKeyInfo.getInstance(Arrays.copyOfRange(dg15, dg15.length - spkiLength(dg15), dg15.length));
    }

    private static int spkiLength(byte[] dg15) {
        int lengthByte = dg15[1] & 0xFF;
        return lengthByte < 0x80 ? lengthByte : dg15.length - 2 - (lengthByte & 0x7F);
    }

    /** The same key, its BIT STRING in the constructed (BER) form: two primitive segments. */
    private static byte[] constructedBitStringSpki(SubjectPublicKeyInfo info) throws Exception {
        byte[] key = info.getPublicKeyData().getOctets();
        int half = key.length / 2;
        byte[] first = tlv(0x03, new byte[] {0}, Arrays.copyOfRange(key, 0, half));
        byte[] second = tlv(0x03, new byte[] {0}, Arrays.copyOfRange(key, half, key.length));
        return tlv(0x30, info.getAlgorithm().getEncoded(ASN1Encoding.DER), tlv(0x23, first, second));
    }

    @Test
    void resignedCardsVerifyUnchanged() throws Exception {
        assertThat(resigned(ecCard, Map.of()).proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
        assertThat(resigned(rsaCard, Map.of()).proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
    }

    @Test
    void refusesEcKeyWithConstructedBitStringInDg15() throws Exception {
        byte[] dg15 = tlv(0x6F, constructedBitStringSpki(spki(ecCard)));

        assertRefusedByActiveAuthentication(resigned(ecCard, Map.of("DG15", dg15)), ReasonCode.AA_KEY_NOT_DER);
    }

    @Test
    void refusesConstructedBitStringInADg14Key() throws Exception {
        byte[] dg14 = ecCard.files().get("DG14");
        byte[] set = Arrays.copyOfRange(dg14, 2, dg14.length); // short DG14: 6E L 31 ...
        byte[] setContent = Arrays.copyOfRange(set, 2, set.length);
        byte[] chipAuthenticationKey = tlv(
                0x30,
                HexFormat.of().parseHex("060a04007f00070202010201"), // id-PK-ECDH (BSI TR-03110)
                constructedBitStringSpki(spki(ecCard)));
        byte[] changed = tlv(0x6E, tlv(0x31, setContent, chipAuthenticationKey));

        assertRefusedByActiveAuthentication(resigned(ecCard, Map.of("DG14", changed)), ReasonCode.DG14_KEY_NOT_DER);
    }

    private byte[] rsaDg15WithParameters(byte[] parameters) throws Exception {
        byte[] bitString = spki(rsaCard).getPublicKeyData().getEncoded(ASN1Encoding.DER);
        return tlv(0x6F, tlv(0x30, tlv(0x30, RSA_ENCRYPTION_OID, parameters), bitString));
    }

    @Test
    void refusesRsaKeyWhoseParametersAreNotNull() throws Exception {
        assertThat(resigned(rsaCard, Map.of("DG15", rsaDg15WithParameters(new byte[] {0x05, 0x00})))
                        .verified())
                .isTrue();
        for (byte[] parameters : new byte[][] {new byte[0], {0x02, 0x01, 0x00}, {0x04, 0x00}}) {
            assertRefusedByActiveAuthentication(
                    resigned(rsaCard, Map.of("DG15", rsaDg15WithParameters(parameters))),
                    ReasonCode.AA_KEY_PARAMETERS_INVALID);
        }
    }
}
