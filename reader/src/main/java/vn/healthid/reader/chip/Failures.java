package vn.healthid.reader.chip;

import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.AccessDeniedException;
import vn.healthid.reader.error.ReaderError;

/**
 * Turns what JMRTD and the card service throw into a {@link ReaderError}. JMRTD signals secure-messaging failures
 * as IllegalStateException ("Invalid MAC", "Card indicates SM error"), card answers as CardServiceException with a
 * status word, and wraps either in IOException inside file streams: the causes are searched.
 */
final class Failures {

    private Failures() {}

    /** The error of a failed phase; {@code duringAccessControl} makes 6300 / 6982 a wrong key. */
    static ReaderError classify(Throwable failure, CardService card, boolean duringAccessControl) {
        if (failure instanceof AccessControl.CanOnlyException) {
            return ReaderError.CAN_REQUIRED;
        }
        if (failure instanceof ActiveAuthentication.ActiveAuthenticationRefused) {
            return ReaderError.AA_FAILED;
        }
        if (isConnectionLost(failure, card)) {
            return ReaderError.CARD_REMOVED;
        }
        int sw = statusWord(failure);
        if (duringAccessControl && (sw == 0x6300 || sw == 0x6982 || hasCause(failure, AccessDeniedException.class))) {
            return ReaderError.ACCESS_CONTROL_FAILED;
        }
        if (duringAccessControl && sw == 0x6A82) {
            return ReaderError.NOT_A_CCCD;
        }
        if (sw == 0x6987 || sw == 0x6988 || sw == 0x6982 || mentionsSecureMessaging(failure)) {
            return ReaderError.SECURE_MESSAGING_FAILED;
        }
        return ReaderError.TRANSMISSION_FAILED;
    }

    /** Wrong keys and foreign cards stay wrong on a second try; a removed card stays removed. */
    static boolean isFinal(ReaderError error) {
        return error == ReaderError.ACCESS_CONTROL_FAILED
                || error == ReaderError.CARD_REMOVED
                || error == ReaderError.NOT_A_CCCD
                || error == ReaderError.CAN_REQUIRED
                || error == ReaderError.AA_FAILED;
    }

    private static boolean isConnectionLost(Throwable failure, CardService card) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Exception e && card.isConnectionLost(e)) {
                return true;
            }
        }
        return false;
    }

    private static int statusWord(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CardServiceException e && e.getSW() != CardServiceException.SW_NONE) {
                return e.getSW() & 0xFFFF;
            }
        }
        return -1;
    }

    private static boolean mentionsSecureMessaging(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof IllegalStateException
                    && message != null
                    && (message.contains("MAC") || message.contains("SM error"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
