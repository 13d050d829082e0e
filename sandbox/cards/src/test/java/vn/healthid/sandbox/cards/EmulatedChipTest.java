package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Map;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.jmrtd.lds.icao.DG15File;
import org.junit.jupiter.api.Test;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** The emulated chip driven by JMRTD's own terminal code (PassportService), as a reader would drive a real card. */
class EmulatedChipTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CardIssuer issuer = new CardIssuer(Fixtures.rsaPki());
    private final Citizen citizen = Fixtures.citizen();

    @Test
    void jmrtdReadsEveryFileByteIdenticalAfterBac() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        PassportService passport = bacSession(new EmulatedCardService(card), rightKey());

        for (Map.Entry<String, byte[]> file : card.files().entrySet()) {
            assertThat(read(passport, fid(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    void readsWithExtendedLengthBlocksToo() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        PassportService passport =
                new PassportService(service, PassportService.EXTENDED_MAX_TRANCEIVE_LENGTH, 4096, false, true);
        passport.open();
        passport.sendSelectApplet(false);
        passport.doBAC(rightKey());

        assertThat(read(passport, PassportService.EF_DG2))
                .isEqualTo(card.files().get("DG2"));
    }

    @Test
    void refusesWrongBacKeyWith6300() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        PassportService passport = new PassportService(service, 256, 223, false, true);
        passport.open();
        passport.sendSelectApplet(false);
        String wrongBirth = MrzBuilder.formatDate(citizen.dateOfBirth().plusDays(1));

        assertThatThrownBy(() -> passport.doBAC(new BACKey(documentNumber(), wrongBirth, expiry())))
                .isInstanceOf(CardServiceException.class)
                .satisfies(e -> assertThat(((CardServiceException) e).getSW()).isEqualTo(0x6300));
    }

    @Test
    void refusesFilesOutsideASecureMessagingSession() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.open();
        service.transmit(new net.sf.scuba.smartcards.CommandAPDU(
                0x00, 0xA4, 0x04, 0x0C, new byte[] {(byte) 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01}));
        service.transmit(new net.sf.scuba.smartcards.CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x01, 0x01}));

        var answer = service.transmit(new net.sf.scuba.smartcards.CommandAPDU(0x00, 0xB0, 0x00, 0x00, 8));

        assertThat(answer.getSW()).isEqualTo(0x6982);
        assertThat(answer.getData()).isEmpty();
    }

    @Test
    void refusesCommandWithBadMacWith6988AndEndsTheSession() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        // 1 SELECT, 2 GET CHALLENGE, 3 MUTUAL AUTHENTICATE, 4 the first protected command.
        service.faults().tamperCommandMacsFrom(4);
        PassportService passport = bacSession(service, rightKey());

        assertThatThrownBy(() -> read(passport, PassportService.EF_COM)).hasMessageContaining("6988");
        assertThat(service.chip().refusedMacs()).isEqualTo(1);
    }

    @Test
    void jmrtdRefusesResponseWithBadMac() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().tamperResponseMacAt(4);
        PassportService passport = bacSession(service, rightKey());

        assertThatThrownBy(() -> read(passport, PassportService.EF_COM)).hasStackTraceContaining("Invalid MAC");
    }

    @Test
    void answersActiveAuthenticationWithTheCardsKeyRsaAndEc() throws Exception {
        for (AaKey aaKey : new AaKey[] {AaKey.RSA_2048_SHA256, AaKey.RSA_1024_SHA1, AaKey.EC_P256_SHA256}) {
            Card card = issuer.issue(citizen, CardSpec.defaults().withAaKey(aaKey));
            PassportService passport = bacSession(new EmulatedCardService(card), rightKey());
            PublicKey key = new DG15File(new ByteArrayInputStream(card.files().get("DG15"))).getPublicKey();
            byte[] rndIfd = new byte[8];
            RANDOM.nextBytes(rndIfd);

            byte[] signature = passport.doAA(key, null, null, rndIfd).getResponse();

            assertThat(AaVerifier.verifies(card.files(), rndIfd, signature))
                    .as(aaKey.name())
                    .isTrue();
        }
    }

    @Test
    void cardWithoutAaKeyRefusesInternalAuthenticate() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE));
        PassportService passport = bacSession(new EmulatedCardService(card), rightKey());

        // JMRTD hands back what the chip answered: no signature (the chip said 6D00, instruction not supported).
        assertThat(passport.doAA(null, null, null, new byte[8]).getResponse()).isEmpty();
        assertThat(card.files()).doesNotContainKey("DG15");
    }

    @Test
    void cardPulledOutFailsTheNextApduAndEveryReopen() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().removeCardAt(5);
        PassportService passport = bacSession(service, rightKey());

        assertThatThrownBy(() -> read(passport, PassportService.EF_DG2)).isInstanceOf(CardServiceException.class);
        assertThat(service.isCardPresent()).isFalse();
        assertThatThrownBy(service::open).isInstanceOf(CardServiceException.class);
    }

    private static PassportService bacSession(EmulatedCardService service, BACKey key) throws Exception {
        PassportService passport = new PassportService(service, 256, 223, false, true);
        passport.open();
        passport.sendSelectApplet(false);
        passport.doBAC(key);
        return passport;
    }

    private static byte[] read(PassportService passport, short fid) throws Exception {
        try (InputStream in = passport.getInputStream(fid, 223)) {
            return in.readAllBytes();
        }
    }

    private BACKey rightKey() {
        return new BACKey(documentNumber(), MrzBuilder.formatDate(citizen.dateOfBirth()), expiry());
    }

    private String documentNumber() {
        return citizen.number().substring(3);
    }

    private String expiry() {
        return MrzBuilder.formatDate(citizen.dateOfExpiry());
    }

    private static short fid(String name) {
        return switch (name) {
            case "COM" -> PassportService.EF_COM;
            case "SOD" -> PassportService.EF_SOD;
            case "DG1" -> PassportService.EF_DG1;
            case "DG2" -> PassportService.EF_DG2;
            case "DG13" -> PassportService.EF_DG13;
            case "DG14" -> PassportService.EF_DG14;
            case "DG15" -> PassportService.EF_DG15;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
