package vn.healthid.reader.chip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.PassportService;
import org.jmrtd.lds.icao.COMFile;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * The reader core: from a card service (PC/SC, or the emulated chip in tests) to the chip's files and its answer to
 * active authentication. One read runs access control, reads EF.COM, EF.SOD and every bundle data group that EF.COM
 * lists, then AA over RND.IFD derived from healthid's nonce. A broken session (lost APDU, secure-messaging error) is
 * started again from access control, keeping the files already read, up to {@code retries} times.
 */
public final class ChipReader {

    // JMRTD and scuba log APDUs (and on errors, response bytes) through java.util.logging: card data must never
    // reach a log, so both are silenced while this class is loaded. Strong references: JUL holds loggers weakly.
    private static final Logger JMRTD_LOG = Logger.getLogger("org.jmrtd");
    private static final Logger SCUBA_LOG = Logger.getLogger("net.sf.scuba");

    static {
        JMRTD_LOG.setLevel(Level.OFF);
        SCUBA_LOG.setLevel(Level.OFF);
    }

    private final ReaderSettings settings;

    public ChipReader(ReaderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ChipRead read(CardService card, AccessKey key, byte[] nonce, ReadProgress progress) throws ReaderException {
        byte[] rndIfd = AaChallenge.rndIfd(nonce);
        CountingCardService counted = new CountingCardService(card);
        Map<String, byte[]> files = new LinkedHashMap<>();
        ReadStats.Phase ac = ReadStats.Phase.NONE;
        ReadStats.Phase reads = ReadStats.Phase.NONE;
        ReadStats.Phase aa = ReadStats.Phase.NONE;
        boolean tryPace = true;
        for (int session = 1; ; session++) {
            Session s = new Session(counted, blockSize(card));
            try {
                s.start(progress);
                String protocol = s.accessControl(key, tryPace, progress);
                ac = ac.plus(s.accessControl);
                s.readFiles(files, progress);
                reads = reads.plus(s.files);
                requireBundleFiles(files);
                Optional<byte[]> signature = s.activeAuthentication(files, rndIfd, progress);
                aa = aa.plus(s.aa);
                progress.on(ReadProgress.Step.DONE, null, files.size(), files.size());
                return new ChipRead(files, signature, new ReadStats(ac, reads, aa, session), protocol);
            } catch (CardServiceException | IOException | RuntimeException e) {
                ac = ac.plus(s.accessControl);
                reads = reads.plus(s.files);
                aa = aa.plus(s.aa);
                ReaderError error = Failures.classify(e, card, s.inAccessControl);
                if (s.inAccessControl && s.triedPace && error != ReaderError.ACCESS_CONTROL_FAILED) {
                    tryPace = false;
                }
                if (Failures.isFinal(error) || session > settings.retries()) {
                    throw new ReaderException(error, null, e);
                }
                progress.on(ReadProgress.Step.RETRYING, null, session, settings.retries() + 1);
                card.close();
            }
        }
    }

    private static void requireBundleFiles(Map<String, byte[]> files) throws ReaderException {
        List<String> missing = LdsNames.REQUIRED.stream()
                .filter(name -> !files.containsKey(name))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new ReaderException(ReaderError.FILE_MISSING, String.join(",", missing));
        }
    }

    private int blockSize(CardService card) {
        boolean extended = switch (settings.extendedLength()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> card.isExtendedAPDULengthSupported();
        };
        return extended ? settings.extendedBlock() : settings.shortBlock();
    }

    /** One session: power on, access control, file reads, AA; each phase's figures kept even when it fails. */
    private static final class Session {

        private final CountingCardService card;
        private final int blockSize;
        private PassportService passport;
        ReadStats.Phase accessControl = ReadStats.Phase.NONE;
        ReadStats.Phase files = ReadStats.Phase.NONE;
        ReadStats.Phase aa = ReadStats.Phase.NONE;
        boolean inAccessControl;
        boolean triedPace;

        Session(CountingCardService card, int blockSize) {
            this.card = card;
            this.blockSize = blockSize;
        }

        void start(ReadProgress progress) throws CardServiceException {
            progress.on(ReadProgress.Step.CONNECTING, null, 0, 0);
            int maxTransceive = blockSize > ReaderSettings.SHORT_BLOCK
                    ? PassportService.EXTENDED_MAX_TRANCEIVE_LENGTH
                    : PassportService.NORMAL_MAX_TRANCEIVE_LENGTH;
            passport = new PassportService(card, maxTransceive, blockSize, false, true);
            inAccessControl = true;
            passport.open();
        }

        String accessControl(AccessKey key, boolean tryPace, ReadProgress progress) throws CardServiceException {
            progress.on(ReadProgress.Step.ACCESS_CONTROL, null, 0, 0);
            long t = System.nanoTime();
            ReadStats.Phase start = card.mark(t);
            triedPace = tryPace;
            try {
                String protocol = AccessControl.open(passport, key, blockSize, tryPace);
                inAccessControl = false;
                return protocol;
            } finally {
                accessControl = CountingCardService.between(start, card.mark(t));
            }
        }

        void readFiles(Map<String, byte[]> read, ReadProgress progress) throws CardServiceException, IOException {
            long t = System.nanoTime();
            ReadStats.Phase start = card.mark(t);
            try {
                if (!read.containsKey("COM")) {
                    byte[] com = FileReader.read(passport, "COM", blockSize, progress);
                    if (com == null) {
                        throw new CardServiceException("EF.COM not found", 0x6A82);
                    }
                    read.put("COM", com);
                }
                int[] tags = new COMFile(new ByteArrayInputStream(read.get("COM"))).getTagList();
                List<String> names = LdsNames.toRead(tags);
                for (String name : names) {
                    if (!read.containsKey(name)) {
                        byte[] bytes = FileReader.read(passport, name, blockSize, progress);
                        if (bytes != null) {
                            read.put(name, bytes);
                        }
                    }
                }
            } finally {
                files = CountingCardService.between(start, card.mark(t));
            }
        }

        Optional<byte[]> activeAuthentication(Map<String, byte[]> read, byte[] rndIfd, ReadProgress progress)
                throws CardServiceException, IOException {
            if (!read.containsKey("DG15")) {
                return Optional.empty();
            }
            progress.on(ReadProgress.Step.ACTIVE_AUTHENTICATION, null, 0, 0);
            long t = System.nanoTime();
            ReadStats.Phase start = card.mark(t);
            try {
                return Optional.of(ActiveAuthentication.run(passport, read.get("DG15"), rndIfd));
            } finally {
                aa = CountingCardService.between(start, card.mark(t));
            }
        }
    }
}
