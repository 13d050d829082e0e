package vn.healthid.reader.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.mrz.CardKey;
import vn.healthid.reader.mrz.CardQr;
import vn.healthid.reader.mrz.MrzInputException;
import vn.healthid.reader.mrz.Td1Mrz;

/**
 * The body of {@code POST /v1/read} (reader/README.md, "serve"): the key to open the chip, in one of the shapes a
 * clerk has at hand. Dates are YYMMDD as in the MRZ, or yyyy-MM-dd as an HTML date field sends them.
 *
 * <pre>
 * {"mrz": {"number": "079190001234", "birth": "900115", "expiry": "300115"}}   typed (or "document_number")
 * {"mrz": {"lines": "IDVNM...\n900115...\nNGUYEN<<..."}}                          the three TD1 lines
 * {"mrz": {"qr": "079190001234|...|15011990|Nam|...|01022021", "expiry": ...}}  front QR, expiry optional
 * {"can": "123456"}                                                             PACE with the CAN (alone or with mrz)
 * </pre>
 *
 * <p>Beside the key, {@code "clerk_token"} may carry the signed-in clerk's access token: the reader exchanges it for
 * the clerk's token at the clinic's client ({@link DeskReads}).
 *
 * @param key the key to open the chip
 * @param clerkToken the clerk's access token to exchange, or null
 */
record ReadRequest(CardKey key, String clerkToken) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReadRequest parse(byte[] body, int mrzDigits) throws ReaderException {
        JsonNode root = root(body);
        String clerkToken = text(root, "clerk_token");
        if (clerkToken != null && clerkToken.isEmpty()) {
            throw new ReaderException(ReaderError.BAD_REQUEST, "clerk_token is empty");
        }
        return new ReadRequest(key(root, mrzDigits), clerkToken);
    }

    private static JsonNode root(byte[] body) throws ReaderException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ReaderException(ReaderError.BAD_REQUEST, "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ReaderException(ReaderError.BAD_REQUEST, "the body is a JSON object");
        }
        return root;
    }

    private static CardKey key(JsonNode root, int mrzDigits) throws ReaderException {
        String can = text(root, "can");
        JsonNode mrz = root.path("mrz");
        try {
            if (mrz.isMissingNode() || mrz.isNull()) {
                if (can == null) {
                    throw new ReaderException(ReaderError.BAD_REQUEST, "give mrz or can");
                }
                return CardKey.of(new AccessKey(null, null, null, can));
            }
            if (!mrz.isObject()) {
                throw new ReaderException(ReaderError.BAD_REQUEST, "mrz is a JSON object");
            }
            CardKey key = mrzKey(mrz, mrzDigits);
            return can == null ? key : key.withCan(can);
        } catch (MrzInputException e) {
            throw new ReaderException(ReaderError.MRZ_INVALID, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.MRZ_INVALID, e.getMessage());
        }
    }

    private static CardKey mrzKey(JsonNode mrz, int mrzDigits) throws MrzInputException, ReaderException {
        String lines = text(mrz, "lines");
        String qr = text(mrz, "qr");
        String expiry = date(text(mrz, "expiry"));
        if (lines != null) {
            return CardKey.of(Td1Mrz.parse(lines));
        }
        if (qr != null) {
            CardQr card = CardQr.parse(qr);
            // the date the clerk typed is the card's own: it is no longer a derivation
            return expiry == null ? CardKey.fromQr(card, mrzDigits) : CardKey.of(card.withExpiry(expiry, mrzDigits));
        }
        String birth = date(text(mrz, "birth"));
        String documentNumber = text(mrz, "document_number");
        String number = text(mrz, "number");
        if (birth == null || expiry == null || (number == null && documentNumber == null)) {
            throw new ReaderException(ReaderError.BAD_REQUEST, "mrz needs number, birth and expiry (or lines, or qr)");
        }
        return CardKey.of(
                documentNumber != null
                        ? new AccessKey(documentNumber, birth, expiry, null)
                        : AccessKey.fromPersonalNumber(number, birth, expiry, mrzDigits));
    }

    /** yyyy-MM-dd to YYMMDD; YYMMDD as it is; anything else is left for AccessKey to refuse. */
    private static String date(String value) {
        if (value != null && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return value.substring(2, 4) + value.substring(5, 7) + value.substring(8, 10);
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws ReaderException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ReaderException(ReaderError.BAD_REQUEST, field + " is a string");
        }
        return value.asText().strip();
    }

    @Override
    public String toString() {
        return "ReadRequest[" + (clerkToken == null ? "card only" : "card and clerk") + "]";
    }
}
