package vn.healthid.bridge.coverage.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/** Validates a {@code Lskcb2025} answer: known code, at most {@link #MAX_ITEMS} items, strict dates. */
public final class HistoryParser {

    static final int MAX_ITEMS = 500;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);

    /** The code and the visits (empty unless the code is 000). */
    public record History(ResultCode code, List<VisitRecord> visits) {}

    private final ObjectMapper mapper;

    public HistoryParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public History parse(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw CardCheckParser.malformed("history answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw CardCheckParser.malformed("history answer is not a JSON object");
        }
        var code = ResultCode.of(CardCheckParser.text(root, "maKetQua"))
                .orElseThrow(() -> CardCheckParser.malformed("unknown maKetQua"));
        var items = root.path("dsLichSuKCB");
        if (!items.isMissingNode() && !items.isNull() && !items.isArray()) {
            throw CardCheckParser.malformed("dsLichSuKCB is not a list");
        }
        if (items.size() > MAX_ITEMS) {
            throw CardCheckParser.malformed("too many history items");
        }
        var visits = new ArrayList<VisitRecord>();
        for (var item : items) {
            if (!item.isObject()) {
                throw CardCheckParser.malformed("history item is not an object");
            }
            visits.add(new VisitRecord(
                    CardCheckParser.text(item, "maHoSo"),
                    CardCheckParser.text(item, "maCSKCB"),
                    stamp(item, "ngayVao"),
                    stamp(item, "ngayRa"),
                    CardCheckParser.text(item, "tenBenh"),
                    CardCheckParser.text(item, "tinhTrang"),
                    CardCheckParser.text(item, "kqDieuTri"),
                    CardCheckParser.text(item, "lyDoVV")));
        }
        return new History(code, List.copyOf(visits));
    }

    private static LocalDateTime stamp(JsonNode item, String field) {
        var s = CardCheckParser.text(item, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s, STAMP);
        } catch (DateTimeParseException e) {
            throw CardCheckParser.malformed(field + " is not yyyyMMddHHmm");
        }
    }
}
