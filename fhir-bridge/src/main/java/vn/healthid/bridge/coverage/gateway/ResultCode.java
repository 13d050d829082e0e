package vn.healthid.bridge.coverage.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every maKetQua of the gateway card check. The meanings (Vietnamese and English) and what each
 * code implies live in {@code coverage/result-codes.json}; this enum only names them.
 */
public enum ResultCode {
    VALID("000"),
    VALID_DEFENCE_MINISTRY("001"),
    VALID_PUBLIC_SECURITY_MINISTRY("002"),
    RENEWED_OLD_EXPIRED("003"),
    RENEWED_OLD_VALID("004"),
    EXPIRED("010"),
    NOT_FOUND("050"),
    WRONG_CARD_CODE("051"),
    WRONG_PROVINCE("052"),
    WRONG_BENEFIT_CODE("053"),
    WRONG_NAME("060"),
    WRONG_NAME_FIRST_LETTER_RIGHT("061"),
    WRONG_BIRTH_DATE("070"),
    READ_ERROR("100"),
    SERVER_ERROR("101"),
    REVOKED("110"),
    REDUCED_MOVED_OUT("120"),
    REDUCED_MOVED_WITHIN("121"),
    REDUCED_REENROLLED("122"),
    REDUCED_STOPPED("123"),
    REDUCED_OTHER("124"),
    CHILD_WITHOUT_CARD("130"),
    BAD_FORMAT("205"),
    AUTHENTICATION_ERROR("401");

    /** What a code means and implies, from the data file. */
    public record Meaning(
            String vi, String en, boolean complete, boolean inforce, boolean cacheable, boolean checkPapers) {}

    private final String code;

    ResultCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Meaning meaning() {
        return Table.MEANINGS.get(this);
    }

    public static Optional<ResultCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** Loaded once; a code missing from the data file is a packaging error, reported at start-up. */
    private static final class Table {
        static final Map<ResultCode, Meaning> MEANINGS = load();

        private static Map<ResultCode, Meaning> load() {
            try (var in = ResultCode.class.getResourceAsStream("/coverage/result-codes.json")) {
                JsonNode codes = new ObjectMapper().readTree(in).path("codes");
                var map = new EnumMap<ResultCode, Meaning>(ResultCode.class);
                for (var c : values()) {
                    var n = codes.path(c.code);
                    if (n.isMissingNode()) {
                        throw new IllegalStateException("result-codes.json lacks " + c.code);
                    }
                    map.put(
                            c,
                            new Meaning(
                                    n.path("vi").asText(),
                                    n.path("en").asText(),
                                    "complete".equals(n.path("outcome").asText()),
                                    n.path("inforce").asBoolean(),
                                    n.path("cacheable").asBoolean(),
                                    n.path("checkPapers").asBoolean(false)));
                }
                return map;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
