package vn.healthid.bridge.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * The one place an exception leaving the HAPI server becomes an OperationOutcome: a {@link
 * BridgeFhirException} passes as it is (any feature's {@link ErrorCode}); HAPI's own exceptions
 * are classified by their type, never by their text, with their response headers kept; anything
 * else is a 500 without a stack trace or exception text. HAPI's "no method for this request" is
 * turned into a code where it is raised ({@link BridgeRestfulServer}).
 */
@Interceptor
public final class ExceptionOutcomeInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionOutcomeInterceptor.class);
    private static final int MAX_DETAIL = 300;

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException normalise(Throwable thrown, RequestDetails request) {
        if (thrown instanceof BridgeFhirException bridge) {
            return bridge;
        }
        if (thrown instanceof BaseServerResponseException hapi) {
            BridgeFhirException mapped = new BridgeFhirException(classify(hapi, request), detail(hapi));
            copyHeaders(hapi, mapped);
            return mapped;
        }
        if (causedBy(thrown, DataFormatException.class)) {
            return new BridgeFhirException(BridgeError.BODY_MALFORMED);
        }
        if (causedBy(thrown, VersionConflictException.class)) {
            return new BridgeFhirException(BridgeError.VERSION_CONFLICT);
        }
        LOG.error("unexpected failure in the FHIR server", thrown);
        return new BridgeFhirException(BridgeError.INTERNAL_ERROR);
    }

    private static ErrorCode classify(BaseServerResponseException e, RequestDetails request) {
        return switch (e) {
            case InvalidRequestException invalid ->
                causedBy(invalid, DataFormatException.class) || RequestBodies.unparseable(request)
                        ? BridgeError.BODY_MALFORMED
                        : BridgeError.REQUEST_INVALID;
            case AuthenticationException authentication -> BridgeError.TOKEN_INVALID;
            case ForbiddenOperationException forbidden -> BridgeError.SCOPE_INSUFFICIENT;
            case ResourceNotFoundException notFound -> BridgeError.NOT_FOUND;
            case ResourceGoneException gone -> BridgeError.NOT_FOUND;
            case MethodNotAllowedException notAllowed -> BridgeError.INTERACTION_UNSUPPORTED;
            case ResourceVersionConflictException conflict -> BridgeError.VERSION_CONFLICT;
            case PreconditionFailedException precondition -> BridgeError.PRECONDITION_FAILED;
            case PayloadTooLargeException tooLarge -> BridgeError.BODY_TOO_LARGE;
            case UnprocessableEntityException unprocessable -> BridgeError.BUSINESS_RULE;
            case UnclassifiedServerFailureException other -> byStatus(other.getStatusCode());
            default -> BridgeError.INTERNAL_ERROR;
        };
    }

    /** HAPI's exception for statuses it has no type for (406, 415, 503): the status is its type. */
    private static ErrorCode byStatus(int status) {
        return switch (status) {
            case 406 -> BridgeError.NOT_ACCEPTABLE;
            case 415 -> BridgeError.MEDIA_TYPE_UNSUPPORTED;
            case 503 -> BridgeError.UNAVAILABLE;
            default -> BridgeError.INTERNAL_ERROR;
        };
    }

    private static String detail(BaseServerResponseException e) {
        if (e.getStatusCode() >= 500 || e.getMessage() == null) {
            return BridgeError.INTERNAL_ERROR.message();
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
