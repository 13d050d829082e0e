package vn.healthid.bridge.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.nio.charset.StandardCharsets;

/**
 * Whether a refused request's body is a FHIR resource at all. HAPI turns a parse failure of the
 * body into a plain {@code InvalidRequestException} without its cause, so on that error path (and
 * only there) the body is parsed again to tell a malformed body from another invalid request.
 */
final class RequestBodies {

    private RequestBodies() {}

    static boolean unparseable(RequestDetails request) {
        if (request == null) {
            return false;
        }
        byte[] body = request.loadRequestContents();
        if (body == null || body.length == 0) {
            return false;
        }
        EncodingEnum encoding = RestfulServerUtils.determineRequestEncodingNoDefault(request);
        if (encoding == null) {
            return false;
        }
        try {
            encoding.newParser(request.getFhirContext()).parseResource(new String(body, StandardCharsets.UTF_8));
            return false;
        } catch (DataFormatException | ClassCastException e) {
            return true;
        }
    }
}
