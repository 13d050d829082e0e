package vn.healthid.bridge.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * Turns every exception leaving the HAPI server into a {@link BridgeFhirException}: an
 * OperationOutcome with an issue type and a stable code, the status HAPI chose (or 500), the
 * response headers kept, and no stack trace or exception text from unexpected failures.
 */
@Interceptor
public final class ExceptionOutcomeInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionOutcomeInterceptor.class);
    private static final int MAX_DETAIL = 300;

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException normalise(Throwable thrown, HttpServletRequest request) {
        if (thrown instanceof BridgeFhirException bridge) {
            return bridge;
        }
        if (thrown instanceof BaseServerResponseException hapi) {
            BridgeFhirException mapped = new BridgeFhirException(classify(hapi, isQuery(request)), detail(hapi));
            copyHeaders(hapi, mapped);
            return mapped;
        }
        if (causedBy(thrown, DataFormatException.class)) {
            return new BridgeFhirException(ErrorCode.BODY_MALFORMED);
        }
        if (causedBy(thrown, VersionConflictException.class)) {
            return new BridgeFhirException(ErrorCode.VERSION_CONFLICT);
        }
        LOG.error("unexpected failure in the FHIR server", thrown);
        return new BridgeFhirException(ErrorCode.INTERNAL_ERROR);
    }

    /** A read or search (GET, or POST to _search), as opposed to a write interaction. */
    private static boolean isQuery(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || path.endsWith("/_search");
    }

    private static ErrorCode classify(BaseServerResponseException e, boolean query) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.getStatusCode()) {
            case 400 -> {
                if (causedBy(e, DataFormatException.class) || message.contains("Failed to parse")) {
                    yield ErrorCode.BODY_MALFORMED;
                }
                // no provider method matches: for a query the parameters, otherwise the interaction
                if (message.contains("does not know how to handle")) {
                    yield query ? ErrorCode.PARAMETER_UNSUPPORTED : ErrorCode.INTERACTION_UNSUPPORTED;
                }
                yield ErrorCode.REQUEST_INVALID;
            }
            case 401 -> ErrorCode.TOKEN_INVALID;
            case 403 -> ErrorCode.SCOPE_INSUFFICIENT;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.INTERACTION_UNSUPPORTED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.VERSION_CONFLICT;
            case 412 -> ErrorCode.PRECONDITION_FAILED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.MEDIA_TYPE_UNSUPPORTED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String detail(BaseServerResponseException e) {
        if (e.getStatusCode() >= 500 || e.getMessage() == null) {
            return ErrorCode.INTERNAL_ERROR.message();
        }
        String message = e.getMessage();
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "..." : message;
    }

    private static void copyHeaders(BaseServerResponseException from, BaseServerResponseException to) {
        for (Map.Entry<String, List<String>> header : from.getResponseHeaders().entrySet()) {
            header.getValue().forEach(value -> to.addResponseHeader(header.getKey(), value));
        }
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
