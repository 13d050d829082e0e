package vn.healthid.bridge.smart;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.OperationOutcomeResponder;

/**
 * Serves {@link SmartConfiguration} at {@code /fhir/.well-known/smart-configuration} (relative to
 * the FHIR base, as SMART asks) and at {@code /.well-known/smart-configuration}; 503 as an
 * OperationOutcome while the realm's discovery has never answered.
 */
public final class SmartConfigurationServlet extends HttpServlet {

    private final transient SmartConfiguration configuration;
    private final transient OperationOutcomeResponder responder;
    private final transient JsonMapper json = JsonMapper.builder().build();

    public SmartConfigurationServlet(SmartConfiguration configuration, OperationOutcomeResponder responder) {
        this.configuration = configuration;
        this.responder = responder;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Map<String, Object>> document = configuration.document();
        if (document.isEmpty()) {
            responder.write(
                    request, response, BridgeError.UNAVAILABLE, "The authorization server is not reachable.", Map.of());
            return;
        }
        byte[] body = json.writeValueAsBytes(document.get());
        response.setStatus(200);
        response.setContentType("application/json;charset=" + StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
