package vn.healthid.bridge.testsupport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * In every test that runs the whole bridge: each FHIR answer under {@code /fhir}, whatever its
 * status, is validated with {@link FhirValidation} (core and the project's package). An answer
 * with errors is replaced by a 500 OperationOutcome naming them, so the test that caused it fails
 * with the reason, whatever it asserted.
 */
final class EveryAnswerValidates extends OncePerRequestFilter {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EveryAnswerValidates.class);

    EveryAnswerValidates() {
        // the validator's first use loads the definitions: before the server answers, not in a request's time
        FhirValidation.errors(new org.hl7.fhir.r4.model.OperationOutcome());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] answer = decoded(wrapper);
        List<String> errors = errors(wrapper.getContentType(), answer);
        if (!errors.isEmpty()) {
            LOG.error("{} {}: the answer does not validate: {}", request.getMethod(), request.getRequestURI(), errors);
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.FATAL)
                    .setCode(OperationOutcome.IssueType.INVARIANT)
                    .setDiagnostics("test: the answer (HTTP " + wrapper.getStatus() + ") does not validate: " + errors
                            + "\n" + new String(answer, StandardCharsets.UTF_8));
            byte[] body = FHIR.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
            wrapper.resetBuffer();
            wrapper.setStatus(500);
            wrapper.setHeader("Content-Encoding", "identity");
            wrapper.setContentType("application/fhir+json;charset=UTF-8");
            wrapper.getOutputStream().write(body);
        }
        wrapper.copyBodyToResponse();
    }

    /** The body as the client reads it (HAPI gzips when the client accepts it). */
    private static byte[] decoded(ContentCachingResponseWrapper response) throws IOException {
        byte[] body = response.getContentAsByteArray();
        if (body.length > 0 && "gzip".equalsIgnoreCase(response.getHeader("Content-Encoding"))) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
        return body;
    }

    private static List<String> errors(String type, byte[] body) {
        if (type == null || body.length == 0 || !type.contains("fhir")) {
            return List.of();
        }
        IParser parser = type.contains("xml") ? FHIR.newXmlParser() : FHIR.newJsonParser();
        IBaseResource resource;
        try {
            resource = parser.parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            return List.of("not FHIR: " + e.getMessage());
        }
        return FhirValidation.errors(resource);
    }
}
