package vn.healthid.reader.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * {@code {"error": {"code": "READER_...", "message_vi", "message_en", "detail"}}} with the HTTP status a page can
 * branch on. The codes are {@link ReaderError}'s names with the {@code READER_} prefix (reader/README.md lists
 * them); the detail is the exception's, which never carries card data or the secret.
 */
final class ErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {}

    static String code(ReaderError error) {
        return error.name().startsWith("READER_") ? error.name() : "READER_" + error.name();
    }

    static ObjectNode json(ReaderException e) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code(e.error()));
        error.put("message_vi", e.error().vietnamese());
        error.put("message_en", e.error().english());
        if (e.detail() != null) {
            error.put("detail", e.detail());
        }
        return root;
    }

    static int status(ReaderError error) {
        return switch (error) {
            case ORIGIN_REFUSED, HOST_REFUSED, DECLINED, STAFF_TOKEN_REFUSED -> 403;
            case UNKNOWN_ENDPOINT -> 404;
            case BUSY -> 409;
            case BAD_REQUEST, MRZ_INVALID, USAGE -> 400;
            case NO_READER, READER_NOT_FOUND, NO_CARD -> 503;
            case SERVER_UNREACHABLE, SERVER_REFUSED -> 502;
            default -> 422;
        };
    }
}
