package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.MRZInfo;
import org.junit.jupiter.api.Test;

class FaultCardsTest {

    private final SandboxPki pki = Fixtures.rsaPki();
    private final CardIssuer issuer = new CardIssuer(pki);
    private final Citizen citizen = Fixtures.citizen();

    @Test
    void validCardSodVerifiesWithTheDocumentSignerAtItsSigningTime() throws Exception {
        SodInspector sod = sodOf(CardFault.NONE);
        assertThat(sod.documentSigner()).isEqualTo(pki.documentSigner());
        assertThat(sod.signatureVerifiesWith(pki.documentSigner())).isTrue();
        assertThat(sod.signingTime().toInstant()).isEqualTo(pki.now());
        assertThat(sod.eContentType()).isEqualTo("2.23.136.1.1.1");
    }

    @Test
    void tamperedDg13BreaksOnlyTheDg13Hash() throws Exception {
        Card card = issue(CardFault.TAMPERED_DG13);
        assertThat(mismatchedHashes(card)).containsExactly(13);
        assertThat(new SodInspector(card.files().get("SOD")).signatureVerifiesWith(pki.documentSigner()))
                .isTrue();
    }

    @Test
    void badSodSignatureKeepsHashesButFailsTheSignature() throws Exception {
        Card card = issue(CardFault.BAD_SOD_SIGNATURE);
        assertThat(mismatchedHashes(card)).isEmpty();
        SodInspector sod = new SodInspector(card.files().get("SOD"));
        assertThat(sod.documentSigner()).isEqualTo(pki.documentSigner());
        assertThat(sod.signatureVerifiesWith(pki.documentSigner())).isFalse();
    }

    @Test
    void unknownCscaSignerDoesNotChainToAnyTrustedCsca() throws Exception {
        SodInspector sod = sodOf(CardFault.UNKNOWN_CSCA);
        X509Certificate ds = sod.documentSigner();
        assertThat(sod.signatureVerifiesWith(ds)).isTrue();
        assertThat(ds.getIssuerX500Principal()).isNotEqualTo(pki.csca().getSubjectX500Principal());
        assertThat(ds.getIssuerX500Principal()).isNotEqualTo(pki.secondCsca().getSubjectX500Principal());
        assertThatThrownBy(() -> ds.verify(pki.csca().getPublicKey())).isInstanceOf(Exception.class);
    }

    @Test
    void expiredSignerEndedBeforeTheSigningTime() throws Exception {
        SodInspector sod = sodOf(CardFault.EXPIRED_DS);
        X509Certificate ds = sod.documentSigner();
        assertThat(sod.signatureVerifiesWith(ds)).isTrue();
        ds.verify(pki.csca().getPublicKey());
        assertThat(ds.getNotAfter()).isBefore(sod.signingTime());
        assertThat(pki.crl().isRevoked(ds)).isFalse();
    }

    @Test
    void revokedSignerIsListedInTheCrlAndOtherwiseValid() throws Exception {
        SodInspector sod = sodOf(CardFault.REVOKED_DS);
        X509Certificate ds = sod.documentSigner();
        ds.verify(pki.csca().getPublicKey());
        ds.checkValidity(sod.signingTime());
        assertThat(pki.crl().isRevoked(ds)).isTrue();
        assertThat(sod.signatureVerifiesWith(ds)).isTrue();
    }

    @Test
    void numberDobMismatchChangesOnlyTheYearDigitsInBothDg1AndDg13() throws Exception {
        Card card = issue(CardFault.NUMBER_DOB_MISMATCH);
        String number = card.citizen().number();
        assertThat(number.substring(4, 6))
                .isNotEqualTo(String.format("%02d", citizen.dateOfBirth().getYear() % 100));
        assertThat(number.substring(0, 4)).isEqualTo(citizen.number().substring(0, 4));
        assertCardsAgreeOn(card, number);
        assertThat(mismatchedHashes(card)).isEmpty();
    }

    @Test
    void numberSexMismatchFlipsTheSexButKeepsTheCentury() throws Exception {
        Card card = issue(CardFault.NUMBER_SEX_MISMATCH);
        int original = citizen.number().charAt(3) - '0';
        int changed = card.citizen().number().charAt(3) - '0';
        assertThat(changed / 2).isEqualTo(original / 2);
        assertThat(changed % 2).isNotEqualTo(original % 2);
        assertThat(card.citizen().sex()).isEqualTo(citizen.sex());
        assertCardsAgreeOn(card, card.citizen().number());
    }

    @Test
    void expiredCardCarriesAPastExpiryInMrzAndDg13() throws Exception {
        Card card = issue(CardFault.EXPIRED_CARD);
        LocalDate expiry = card.citizen().dateOfExpiry();
        assertThat(expiry).isBefore(Fixtures.TODAY);
        MRZInfo mrz = new DG1File(new ByteArrayInputStream(card.files().get("DG1"))).getMRZInfo();
        assertThat(mrz.getDateOfExpiry()).isEqualTo(MrzBuilder.formatDate(expiry));
        assertThat(Dg13Reader.read(card.files().get("DG13")).get(12)).containsExactly(Dg13Encoder.date(expiry));
        assertThat(new SodInspector(card.files().get("SOD")).signatureVerifiesWith(pki.documentSigner()))
                .isTrue();
    }

    @Test
    void dg1NumberMismatchChangesOnlyTheNumberInTheMrzOptionalData() throws Exception {
        Card card = issue(CardFault.DG1_NUMBER_MISMATCH);
        MRZInfo mrz = new DG1File(new ByteArrayInputStream(card.files().get("DG1"))).getMRZInfo();
        String carried = mrz.getOptionalData1().substring(0, 12);
        assertThat(carried)
                .isNotEqualTo(citizen.number())
                .endsWith(citizen.number().substring(3));
        assertThat(mrz.getDocumentNumber()).isEqualTo(citizen.number().substring(3));
        assertThat(Dg13Reader.read(card.files().get("DG13")).get(1)).containsExactly(citizen.number());
        assertThat(mismatchedHashes(card)).isEmpty();
    }

    private void assertCardsAgreeOn(Card card, String number) throws Exception {
        MRZInfo mrz = new DG1File(new ByteArrayInputStream(card.files().get("DG1"))).getMRZInfo();
        assertThat(mrz.getOptionalData1()).startsWith(number);
        assertThat(mrz.getDocumentNumber()).isEqualTo(number.substring(3));
        assertThat(Dg13Reader.read(card.files().get("DG13")).get(1)).containsExactly(number);
    }

    private Card issue(CardFault fault) {
        return issuer.issue(citizen, CardSpec.defaults().withFault(fault));
    }

    private SodInspector sodOf(CardFault fault) throws Exception {
        return new SodInspector(issue(fault).files().get("SOD"));
    }

    private static java.util.List<Integer> mismatchedHashes(Card card) throws Exception {
        Map<String, byte[]> files = card.files();
        SODFile sod = new SODFile(new ByteArrayInputStream(files.get("SOD")));
        MessageDigest digest = MessageDigest.getInstance(sod.getDigestAlgorithm());
        Map<Integer, byte[]> hashes = new HashMap<>(sod.getDataGroupHashes());
        return hashes.entrySet().stream()
                .filter(e -> !MessageDigest.isEqual(digest.digest(files.get("DG" + e.getKey())), e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
