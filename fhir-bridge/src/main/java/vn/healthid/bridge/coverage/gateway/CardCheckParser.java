package vn.healthid.bridge.coverage.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Validates a card-check answer before anything else reads it (OWASP API10, unsafe consumption):
 * a JSON object, a known maKetQua, bounded strings, strict dates and a well-formed card code.
 */
public final class CardCheckParser {

    static final int MAX_FIELD_CHARS = 512;
    private static final Pattern CARD = Pattern.compile("^[A-Z]{2}[0-9]{13}$");
    private static final Pattern FACILITY = Pattern.compile("^[0-9A-Z]{1,10}$");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final ObjectMapper mapper;

    public CardCheckParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CardCheckResult parse(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed("answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("answer is not a JSON object");
        }
        var code = ResultCode.of(text(root, "maKetQua")).orElseThrow(() -> malformed("unknown maKetQua"));
        var card = text(root, "maThe");
        if (card != null && !CARD.matcher(card).matches()) {
            throw malformed("maThe is not a card code");
        }
        var facility = text(root, "maDKBD");
        if (facility != null && !FACILITY.matcher(facility).matches()) {
            throw malformed("maDKBD is not a facility code");
        }
        CardCheckResult.Renewal renewal = null;
        var newCard = text(root, "maTheMoi");
        if (newCard != null) {
            if (!CARD.matcher(newCard).matches()) {
                throw malformed("maTheMoi is not a card code");
            }
            renewal = new CardCheckResult.Renewal(
                    newCard, text(root, "maDKBDMoi"), date(root, "gtTheTuMoi"), date(root, "gtTheDenMoi"));
        }
        return new CardCheckResult(
                code,
                text(root, "ghiChu"),
                card,
                text(root, "maSoBHXH"),
                text(root, "hoTen"),
                text(root, "ngaySinh"),
                text(root, "gioiTinh"),
                facility,
                date(root, "gtTheTu"),
                date(root, "gtTheDen"),
                text(root, "maKV"),
                date(root, "ngayDu5Nam"),
                renewal,
                body);
    }

    /** Null for absent, null or empty values. */
    static String text(JsonNode root, String field) {
        var node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw malformed(field + " is not a value");
        }
        var s = node.asText().trim();
        if (s.length() > MAX_FIELD_CHARS) {
            throw malformed(field + " is too long");
        }
        return s.isEmpty() ? null : s;
    }

    private static LocalDate date(JsonNode root, String field) {
        var s = text(root, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s, DATE);
        } catch (DateTimeParseException e) {
            throw malformed(field + " is not dd/MM/yyyy");
        }
    }

    static GatewayException malformed(String why) {
        return new GatewayException(GatewayException.Kind.MALFORMED, why);
    }
}
