package vn.healthid.identity.keycloak.vneid.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireException.Reason;

/**
 * The VNeID userinfo claims the broker uses (docs/vietnam.md section 5, UNVERIFIED names): {@code citizenPid} (12 digits),
 * {@code fullName}, {@code birthDate}, {@code accountLevel} (1 self-registered, 2 verified in person). The same names
 * are read from a standard OIDC userinfo or id_token, so both wire formats end in this record.
 */
public record VneidClaims(String citizenPid, String fullName, LocalDate birthDate, int accountLevel) {

    public static final String CITIZEN_PID = "citizenPid";
    public static final String FULL_NAME = "fullName";
    public static final String BIRTH_DATE = "birthDate";
    public static final String ACCOUNT_LEVEL = "accountLevel";

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
    // VNeID's date format is UNVERIFIED: ISO and the Vietnamese day-first form are both accepted.
    private static final List<DateTimeFormatter> DATES =
            List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    public static VneidClaims from(JsonNode claims) throws VneidWireException {
        String pid = text(claims, CITIZEN_PID);
        if (pid == null || !TWELVE_DIGITS.matcher(pid).matches()) {
            throw new VneidWireException(Reason.CLAIMS_INVALID, CITIZEN_PID + " is not 12 digits");
        }
        String level = text(claims, ACCOUNT_LEVEL);
        if (!"1".equals(level) && !"2".equals(level)) {
            throw new VneidWireException(Reason.CLAIMS_INVALID, ACCOUNT_LEVEL + " is not 1 or 2");
        }
        String name = text(claims, FULL_NAME);
        return new VneidClaims(pid, name == null ? "" : name, date(text(claims, BIRTH_DATE)), Integer.parseInt(level));
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims == null ? null : claims.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(String text) throws VneidWireException {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException tryNext) {
                // next format
            }
        }
        throw new VneidWireException(Reason.CLAIMS_INVALID, BIRTH_DATE + " is not a date");
    }

    @Override
    public String toString() {
        return "VneidClaims[level=" + accountLevel + "]"; // no identity data in logs
    }
}
