package vn.healthid.sandbox.cards.chip;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;

/**
 * The card side of ICAO 9303 over a sandbox card: SELECT of the eMRTD application and of its files, READ BINARY (B0,
 * and B1 with an offset in DO'54'), GET CHALLENGE and MUTUAL AUTHENTICATE (BAC, ICAO 9303-11 section 9.7), secure
 * messaging (section 9.8) and INTERNAL AUTHENTICATE (active authentication, section 6.1). The LDS files are readable
 * only inside a secure-messaging session. A wrong BAC key gets 6300; a protected command with a bad MAC gets 6988
 * and ends the session, as the standard asks. Not thread-safe: one reader talks to one chip.
 */
public final class EmulatedChip {

    static final byte[] EMRTD_AID = {(byte) 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Card card;
    private final ChipFiles files;
    private final byte[] bacSeed;
    private boolean applicationSelected;
    private Integer selectedFid;
    private byte[] rndIcc;
    private SecureChannel channel;
    private int refusedMacs;

    public EmulatedChip(Card card) {
        this.card = card;
        this.files = new ChipFiles(card);
        this.bacSeed = files.bacKeySeed();
    }

    /** One command APDU in, the response APDU (data and status word) out. */
    public byte[] process(byte[] command) {
        Apdu apdu = Apdu.parse(command);
        if (apdu == null) {
            return sw(0x6700);
        }
        if (!apdu.isSecureMessaging()) {
            if (channel != null) {
                endSession();
                return sw(0x6982);
            }
            Reply reply = dispatch(apdu, false);
            return reply.bytes();
        }
        if (channel == null) {
            return sw(0x6987);
        }
        Apdu plain;
        try {
            plain = channel.unwrap(apdu);
        } catch (SecureChannel.Refused e) {
            if (e.sw == 0x6988) {
                refusedMacs++;
            }
            endSession();
            return sw(e.sw);
        }
        Reply reply = dispatch(plain, true);
        return channel == null ? reply.bytes() : channel.wrap(plain.ins(), reply.data, reply.sw);
    }

    /** Power off and on again (the reader's reset): no session, nothing selected. */
    public void reset() {
        endSession();
        applicationSelected = false;
        selectedFid = null;
    }

    /** How many protected commands this chip refused for a wrong MAC (6988). */
    public int refusedMacs() {
        return refusedMacs;
    }

    private Reply dispatch(Apdu apdu, boolean protectedCommand) {
        return switch (apdu.ins()) {
            case 0xA4 -> select(apdu);
            case 0xB0, 0xB1 -> protectedCommand ? FileReads.read(apdu, files, selectedFid, this) : Reply.of(0x6982);
            case 0x84 -> getChallenge(apdu);
            case 0x82 -> protectedCommand ? Reply.of(0x6985) : mutualAuthenticate(apdu);
            case 0x88 -> protectedCommand ? internalAuthenticate(apdu) : Reply.of(0x6982);
            default -> Reply.of(0x6D00);
        };
    }

    void select(int fid) {
        selectedFid = fid;
    }

    private Reply select(Apdu apdu) {
        byte[] data = apdu.data();
        if (apdu.p1() == 0x04) {
            if (!Arrays.equals(data, EMRTD_AID)) {
                return Reply.of(0x6A82);
            }
            applicationSelected = true;
            selectedFid = null;
            return Reply.of(0x9000);
        }
        if (data.length == 0 || (data.length == 2 && data[0] == 0x3F && data[1] == 0x00)) {
            applicationSelected = false;
            selectedFid = null;
            return Reply.of(0x9000);
        }
        if (data.length != 2 || (apdu.p1() != 0x00 && apdu.p1() != 0x02)) {
            return Reply.of(0x6A86);
        }
        int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        if (!applicationSelected || files.file(fid) == null) {
            return Reply.of(0x6A82);
        }
        selectedFid = fid;
        return Reply.of(0x9000);
    }

    private Reply getChallenge(Apdu apdu) {
        if (apdu.ne() != 8) {
            return Reply.of(0x6700);
        }
        rndIcc = new byte[8];
        RANDOM.nextBytes(rndIcc);
        return new Reply(rndIcc.clone(), 0x9000);
    }

    private Reply mutualAuthenticate(Apdu apdu) {
        byte[] challenge = rndIcc;
        rndIcc = null;
        byte[] data = apdu.data();
        if (data.length != 40) {
            return Reply.of(0x6700);
        }
        byte[] kEnc = BacCrypto.deriveKey(bacSeed, BacCrypto.ENC);
        byte[] kMac = BacCrypto.deriveKey(bacSeed, BacCrypto.MAC);
        byte[] eIfd = Arrays.copyOf(data, 32);
        byte[] mIfd = Arrays.copyOfRange(data, 32, 40);
        // A wrong document key is told first (6300), whatever else is wrong: JMRTD repeats a refused MUTUAL
        // AUTHENTICATE once without a new challenge, and a wrong key must read as a wrong key both times.
        if (!MessageDigest.isEqual(BacCrypto.mac(kMac, BacCrypto.pad(eIfd)), mIfd)) {
            return Reply.of(0x6300);
        }
        if (challenge == null || !applicationSelected) {
            return Reply.of(0x6985);
        }
        byte[] s = BacCrypto.decrypt(kEnc, eIfd);
        byte[] rndIfd = Arrays.copyOf(s, 8);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(s, 8, 16), challenge)) {
            return Reply.of(0x6300);
        }
        byte[] kIfd = Arrays.copyOfRange(s, 16, 32);
        byte[] kIcc = new byte[16];
        RANDOM.nextBytes(kIcc);
        byte[] r = new byte[32];
        System.arraycopy(challenge, 0, r, 0, 8);
        System.arraycopy(rndIfd, 0, r, 8, 8);
        System.arraycopy(kIcc, 0, r, 16, 16);
        byte[] eIcc = BacCrypto.encrypt(kEnc, r);
        byte[] answer = Arrays.copyOf(eIcc, 40);
        System.arraycopy(BacCrypto.mac(kMac, BacCrypto.pad(eIcc)), 0, answer, 32, 8);

        byte[] sessionSeed = new byte[16];
        for (int i = 0; i < 16; i++) {
            sessionSeed[i] = (byte) (kIfd[i] ^ kIcc[i]);
        }
        long ssc = 0;
        for (int i = 4; i < 8; i++) {
            ssc = (ssc << 8) | (challenge[i] & 0xFF);
        }
        for (int i = 4; i < 8; i++) {
            ssc = (ssc << 8) | (rndIfd[i] & 0xFF);
        }
        channel = new SecureChannel(sessionSeed, ssc);
        return new Reply(answer, 0x9000);
    }

    private Reply internalAuthenticate(Apdu apdu) {
        if (card.aaKey() == AaKey.NONE) {
            return Reply.of(0x6D00);
        }
        if (apdu.data().length != 8) {
            return Reply.of(0x6700);
        }
        return new Reply(card.answerChallenge(apdu.data()), 0x9000);
    }

    private void endSession() {
        channel = null;
        rndIcc = null;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }
}
