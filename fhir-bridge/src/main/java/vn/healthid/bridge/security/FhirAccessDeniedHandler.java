package vn.healthid.bridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.OperationOutcomeResponder;

/** 403 from the filter chain (paths outside the served ones) as an OperationOutcome. */
public final class FhirAccessDeniedHandler implements AccessDeniedHandler {

    private final OperationOutcomeResponder responder;

    public FhirAccessDeniedHandler(OperationOutcomeResponder responder) {
        this.responder = responder;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        responder.write(
                request,
                response,
                BridgeError.SCOPE_INSUFFICIENT,
                BridgeError.SCOPE_INSUFFICIENT.message(),
                Map.of("WWW-Authenticate", "Bearer realm=\"fhir-bridge\", error=\"insufficient_scope\""));
    }
}
