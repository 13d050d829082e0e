package vn.healthid.reader.chip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.PublicKey;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.PassportService;
import org.jmrtd.lds.icao.DG15File;

/**
 * INTERNAL AUTHENTICATE with RND.IFD (ICAO 9303-11 section 6.1), through the secure-messaging session. The reader does
 * not judge the answer: healthid's verifier checks it against DG15 (and DG14 for EC keys), and a reader's own "ok"
 * would prove nothing. An empty answer (the chip refused) is a failure: a card whose DG15 promises AA must do it.
 */
final class ActiveAuthentication {

    private ActiveAuthentication() {}

    static byte[] run(PassportService passport, byte[] dg15, byte[] rndIfd) throws CardServiceException, IOException {
        PublicKey key = new DG15File(new ByteArrayInputStream(dg15)).getPublicKey();
        // JMRTD's doAA only transmits; the algorithm names it takes are for its own verification, unused here.
        byte[] answer = passport.doAA(key, null, null, rndIfd).getResponse();
        if (answer == null || answer.length == 0) {
            throw new ActiveAuthenticationRefused();
        }
        return answer;
    }

    /** The chip answered INTERNAL AUTHENTICATE with an error status and no signature. */
    static final class ActiveAuthenticationRefused extends CardServiceException {
        ActiveAuthenticationRefused() {
            super("the chip refused INTERNAL AUTHENTICATE");
        }
    }
}
