package vn.healthid.reader.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.MRZInfo;
import vn.healthid.reader.chip.ChipRead;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * What the page gets for a read (CONTRACT: {@code access_token, expires_in, patient, card}): the citizen's access
 * token and what the page shows about the card, the number masked as elsewhere ({@code 0790******45}) and the
 * expiry from the chip's DG1. Nothing else of the token response passes (no refresh or id token), and no card data
 * beyond these two. With {@code staffToken}: the clerk's token at the clinic's client, exchanged by the reader.
 */
record ReadAnswer(
        String accessToken,
        String tokenType,
        long expiresIn,
        String scope,
        String patient,
        String maskedNumber,
        String expiry,
        String staffToken) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReadAnswer of(String tokenResponse, ChipRead read) throws ReaderException {
        JsonNode tokens;
        try {
            tokens = JSON.readTree(tokenResponse);
        } catch (IOException e) {
            throw new ReaderException(ReaderError.SERVER_REFUSED, "the token response is not JSON");
        }
        String accessToken = tokens.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new ReaderException(ReaderError.SERVER_REFUSED, "no access token in the answer");
        }
        MRZInfo mrz = mrz(read);
        return new ReadAnswer(
                accessToken,
                tokens.path("token_type").asText("Bearer"),
                tokens.path("expires_in").asLong(0),
                tokens.path("scope").asText(null),
                patient(accessToken),
                masked(mrz),
                expiry(mrz.getDateOfExpiry()),
                null);
    }

    ReadAnswer withStaffToken(String token) {
        return new ReadAnswer(accessToken, tokenType, expiresIn, scope, patient, maskedNumber, expiry, token);
    }

    ObjectNode json() {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("access_token", accessToken);
        answer.put("token_type", tokenType);
        answer.put("expires_in", expiresIn);
        if (scope != null) {
            answer.put("scope", scope);
        }
        if (patient != null) {
            answer.put("patient", patient);
        }
        if (staffToken != null) {
            answer.put("staff_token", staffToken);
        }
        ObjectNode card = answer.putObject("card");
        card.put("number", maskedNumber);
        if (expiry == null) {
            card.putNull("expiry");
        } else {
            card.put("expiry", expiry);
        }
        return answer;
    }

    /** The token's fhirUser claim, read for display only: the bridge verifies the token, the page need not. */
    private static String patient(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String user = claims.path("fhirUser").asText("");
            return user.startsWith("Patient/") ? user : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static MRZInfo mrz(ChipRead read) throws ReaderException {
        byte[] dg1 = read.files().get("DG1");
        if (dg1 == null) {
            throw new ReaderException(ReaderError.FILE_MISSING, "DG1");
        }
        try {
            return new DG1File(new ByteArrayInputStream(dg1)).getMRZInfo();
        } catch (IOException | RuntimeException e) {
            throw new ReaderException(ReaderError.FILE_MISSING, "DG1", e);
        }
    }

    /** The 12-digit number from DG1's optional data (docs/cccd-chip.md), else the MRZ's document number. */
    private static String masked(MRZInfo mrz) {
        String optional = mrz.getOptionalData1() == null ? "" : mrz.getOptionalData1();
        String number = optional.length() >= 12 && optional.substring(0, 12).matches("\\d{12}")
                ? optional.substring(0, 12)
                : mrz.getDocumentNumber().replace("<", "");
        if (number.length() < 7) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 6) + number.substring(number.length() - 2);
    }

    /** yyyy-MM-dd, or null for 991231, the MRZ's "no expiry" (docs/cccd-chip.md, "DG1 optional data"). */
    private static String expiry(String yymmdd) {
        if (yymmdd == null || yymmdd.equals("991231") || !yymmdd.matches("\\d{6}")) {
            return null;
        }
        return "20" + yymmdd.substring(0, 2) + "-" + yymmdd.substring(2, 4) + "-" + yymmdd.substring(4, 6);
    }

    @Override
    public String toString() {
        return "ReadAnswer[" + patient + "]";
    }
}
