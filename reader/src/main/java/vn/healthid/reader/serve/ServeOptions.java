package vn.healthid.reader.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.pcsc.DeviceStatus;
import vn.healthid.reader.send.HealthidClient;

/**
 * What {@code cccd-reader serve} is started with (reader/README.md): where it listens, which origins may ask, how
 * the clerk confirms, and the clinic's client. The defaults are here and nowhere else.
 */
public record ServeOptions(
        String bind,
        int port,
        String origins,
        String confirm,
        URI realm,
        String clientId,
        String secret,
        String scope,
        int mrzDigits) {

    public static final int DEFAULT_PORT = 8765;
    public static final String CONFIRM_TERMINAL = "terminal";
    /** Every read confirmed without asking: tests and demos only, never at a desk. */
    public static final String CONFIRM_AUTO_UNSAFE = "auto-unsafe-for-tests";

    public static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);
    /**
     * {@code profile}: the bridge registers the citizen and asks the insurance gateway with the name and birth date of
     * this token; the clinic's client has {@code profile} as an optional scope only (docs/smart.md, section 3).
     */
    public static final String DEFAULT_SCOPE =
            "openid profile patient/Patient.rs patient/Coverage.rs patient/CoverageEligibilityRequest.c patient/Encounter.rs";

    /** Checks everything before a port is opened: a bad option never leaves a half-started reader. */
    public ReaderServer open(
            HealthidClient healthid,
            CardReading reading,
            Supplier<DeviceStatus> status,
            InputStream stdin,
            PrintStream terminal)
            throws ReaderException {
        InetAddress address = Loopback.require(bind);
        OriginPolicy policy = OriginPolicy.parse(origins);
        Confirmation confirmation;
        if (confirm == null || confirm.equals(CONFIRM_TERMINAL)) {
            confirmation = new TerminalConfirmation(stdin, terminal, CONFIRM_TIMEOUT);
        } else if (confirm.equals(CONFIRM_AUTO_UNSAFE)) {
            terminal.println("cccd-reader: WARNING --confirm " + CONFIRM_AUTO_UNSAFE
                    + ": every read is confirmed without asking. Tests and demos only, never at a desk.");
            confirmation = Confirmation.AUTO_UNSAFE;
        } else {
            throw new ReaderException(
                    ReaderError.USAGE, "--confirm is " + CONFIRM_TERMINAL + " or " + CONFIRM_AUTO_UNSAFE);
        }
        if (port < 0 || port > 65535) {
            throw new ReaderException(ReaderError.USAGE, "--port is 0 to 65535");
        }
        DeskReads reads = new DeskReads(
                new DeskReads.Clinic(realm, clientId, secret, scope == null ? DEFAULT_SCOPE : scope),
                healthid,
                reading);
        try {
            return new ReaderServer(address, port, policy, confirmation, reads, status, mrzDigits, terminal);
        } catch (IOException e) {
            throw new ReaderException(ReaderError.BIND_REFUSED, "port " + port + " is taken", e);
        }
    }

    @Override
    public String toString() {
        return "ServeOptions[" + bind + ":" + port + ", origins=" + origins + ", confirm=" + confirm + "]";
    }
}
