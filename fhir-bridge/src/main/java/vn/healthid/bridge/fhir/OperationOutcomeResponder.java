package vn.healthid.bridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes an OperationOutcome from servlet filters (authentication, body size) that run before the
 * HAPI server, so that nothing non-FHIR leaves {@code /fhir}. XML only when the client asks for
 * XML and not JSON; JSON otherwise.
 */
@Component
public final class OperationOutcomeResponder {

    private final FhirContext fhirContext;

    public OperationOutcomeResponder(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ErrorCode code,
            String detail,
            Map<String, String> headers)
            throws IOException {
        boolean xml = wantsXml(request);
        IParser parser = xml ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
        byte[] body = parser.encodeResourceToString(BridgeFhirException.outcome(code, detail))
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(code.status());
        headers.forEach(response::setHeader);
        response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static boolean wantsXml(HttpServletRequest request) {
        // the query string only: reading parameters could consume a form body
        String query = request.getQueryString();
        if (query != null && query.contains("_format=")) {
            return query.contains("_format=xml") || query.contains("_format=application/fhir%2Bxml");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("xml") && !accept.contains("json");
    }
}
