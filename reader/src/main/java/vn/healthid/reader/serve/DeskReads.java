package vn.healthid.reader.serve;

import java.net.URI;
import java.util.Objects;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.chip.ChipRead;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.mrz.CardKey;
import vn.healthid.reader.send.HealthidClient;

/**
 * One read for the reception page, as {@code cccd-reader grant} does it (docs/chip-login.md section 2): a challenge
 * with the clinic's client, the card read over that nonce, the chip grant; the page gets the citizen's token, never
 * the clinic's secret. A key whose expiry was derived from the QR code and that the chip refused becomes
 * EXPIRY_NEEDED: the page asks the clerk for the printed date.
 *
 * <p>When the page sends the signed-in clerk's token, it is exchanged first (RFC 8693, with the clinic's
 * credential) for the clerk's token at the clinic's client: the bridge takes the officer of a reception check only
 * from a staff token of the client that holds the citizen's token (fhir-bridge README, "Coverage"). A refused
 * exchange ends the read before the card or the challenge is touched.
 */
final class DeskReads {

    /** The clinic's client at healthid: the realm, its id and secret, the scopes the reception asks for. */
    record Clinic(URI realm, String clientId, String secret, String scope) {

        Clinic {
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Clinic[" + realm + ", " + clientId + "]";
        }
    }

    private final Clinic clinic;
    private final HealthidClient healthid;
    private final CardReading reading;

    DeskReads(Clinic clinic, HealthidClient healthid, CardReading reading) {
        this.clinic = clinic;
        this.healthid = healthid;
        this.reading = reading;
    }

    ReadAnswer read(ReadRequest request) throws ReaderException {
        String staffToken = request.clerkToken() == null
                ? null
                : healthid.exchange(clinic.realm(), clinic.clientId(), clinic.secret(), request.clerkToken());
        return read(request.key()).withStaffToken(staffToken);
    }

    private ReadAnswer read(CardKey key) throws ReaderException {
        String challenge = healthid.challenge(clinic.realm(), clinic.clientId(), clinic.secret());
        byte[] nonce;
        try {
            nonce = ChipBundle.decodeNonce(challenge);
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.SERVER_REFUSED, "the challenge is not a nonce");
        }
        ChipRead read;
        try {
            read = reading.read(key.key(), nonce);
        } catch (ReaderException e) {
            if (e.error() == ReaderError.ACCESS_CONTROL_FAILED && key.expiryUnverified()) {
                throw new ReaderException(ReaderError.EXPIRY_NEEDED, null, e);
            }
            throw e;
        }
        String tokens = healthid.grant(
                clinic.realm(), clinic.clientId(), clinic.secret(), ChipBundle.json(challenge, read), clinic.scope());
        return ReadAnswer.of(tokens, read);
    }
}
