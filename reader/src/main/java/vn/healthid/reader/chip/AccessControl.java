package vn.healthid.reader.chip;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Optional;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.AccessKeySpec;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.PassportService;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;

/**
 * Opens the chip: PACE when EF.CardAccess offers it (ICAO 9303-11 section 4.4), with the CAN when one is given, else
 * the MRZ; BAC otherwise (section 4.3). A chip without EF.CardAccess answers its SELECT with an error: that is the
 * normal "BAC only" answer, not a failure. When PACE fails for another reason than a wrong key, the caller starts a
 * new session with {@code tryPace} false: BAC is the fallback (section 4.2).
 */
final class AccessControl {

    private AccessControl() {}

    /** "PACE" or "BAC", after a successful access control and selection of the eMRTD application. */
    static String open(PassportService passport, AccessKey key, int blockSize, boolean tryPace)
            throws CardServiceException {
        Optional<PACEInfo> pace = tryPace ? paceInfo(passport, blockSize) : Optional.empty();
        if (pace.isPresent()) {
            passport.doPACE(
                    paceKey(key),
                    pace.get().getObjectIdentifier(),
                    PACEInfo.toParameterSpec(pace.get().getParameterId()),
                    pace.get().getParameterId());
            passport.sendSelectApplet(true);
            return "PACE";
        }
        if (!key.hasMrz()) {
            throw new CanOnlyException();
        }
        passport.sendSelectApplet(false);
        passport.doBAC(bacKey(key));
        return "BAC";
    }

    /** Thrown when only a CAN was given to a chip that offers no PACE. */
    static final class CanOnlyException extends CardServiceException {
        CanOnlyException() {
            super("BAC needs the MRZ data");
        }
    }

    private static Optional<PACEInfo> paceInfo(PassportService passport, int blockSize) {
        try (InputStream in = passport.getInputStream(PassportService.EF_CARD_ACCESS, blockSize)) {
            for (SecurityInfo info : new CardAccessFile(in).getSecurityInfos()) {
                if (info instanceof PACEInfo pace) {
                    return Optional.of(pace);
                }
            }
            return Optional.empty();
        } catch (CardServiceException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static AccessKeySpec paceKey(AccessKey key) throws CardServiceException {
        if (key.can() != null) {
            return PACEKeySpec.createCANKey(key.can());
        }
        try {
            return PACEKeySpec.createMRZKey(bacKey(key));
        } catch (GeneralSecurityException e) {
            throw new CardServiceException("cannot derive the PACE key", e);
        }
    }

    private static BACKey bacKey(AccessKey key) {
        return new BACKey(key.documentNumber(), key.dateOfBirth(), key.dateOfExpiry());
    }
}
