package vn.healthid.sandbox.vneid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Map;

/** WireMock answers: plain JSON errors, sealed envelopes, redirects, HTML, and the fault modes. */
final class Replies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Faults faults;

    Replies(Faults faults) {
        this.faults = faults;
    }

    /** 500 or a delay instead of the answer, for the token and userinfo endpoints; null when healthy. */
    ResponseDefinition faultOrNull() {
        return switch (faults.mode()) {
            case SERVER_ERROR ->
                ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(500)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>500 Internal Server Error</h1></body></html>")
                        .build();
            default -> null;
        };
    }

    ResponseDefinition sealed(String envelope) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(envelope);
        if (faults.mode() == FaultMode.SLOW) {
            builder = builder.withFixedDelay((int) VneidStandIn.SLOW_DELAY.toMillis());
        }
        return builder.build();
    }

    ResponseDefinition error(int status, String error, String description) {
        try {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(JSON.writeValueAsString(Map.of("error", error, "error_description", description)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseDefinition redirect(String location) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(302)
                .withHeader("Location", location)
                .build();
    }

    ResponseDefinition html(String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(body)
                .build();
    }

    ResponseDefinition text(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(body)
                .build();
    }
}
