package vn.healthid.bridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.fhir.OperationOutcomeResponder;

/**
 * 401 as an OperationOutcome. A request without a token gets {@code WWW-Authenticate: Bearer}
 * with no error code (RFC 6750 section 3.1); a rejected token gets {@code error="invalid_token"}
 * and its stable code as {@code error_description}.
 */
public final class FhirAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final OperationOutcomeResponder responder;

    public FhirAuthenticationEntryPoint(OperationOutcomeResponder responder) {
        this.responder = responder;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ErrorCode code = classify(failure);
        String challenge = code == BridgeError.TOKEN_MISSING || code == BridgeError.UNAVAILABLE
                ? "Bearer realm=\"fhir-bridge\""
                : "Bearer realm=\"fhir-bridge\", error=\"invalid_token\", error_description=\"" + code.name() + "\"";
        responder.write(request, response, code, code.message(), Map.of("WWW-Authenticate", challenge));
    }

    static ErrorCode classify(AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return BridgeError.TOKEN_MISSING;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JwtValidationException validation) {
                return validation.getErrors().stream()
                        .map(error -> known(error.getDescription()))
                        .findFirst()
                        .orElse(BridgeError.TOKEN_INVALID);
            }
        }
        return known(oauth.getError().getDescription());
    }

    private static ErrorCode known(String description) {
        if (BridgeError.UNAVAILABLE.name().equals(description)) {
            return BridgeError.UNAVAILABLE; // the ended-sessions store did not answer: fail closed, 503
        }
        if (description != null && description.startsWith("TOKEN_")) {
            try {
                return BridgeError.valueOf(description);
            } catch (IllegalArgumentException e) {
                return BridgeError.TOKEN_INVALID;
            }
        }
        return BridgeError.TOKEN_INVALID;
    }
}
