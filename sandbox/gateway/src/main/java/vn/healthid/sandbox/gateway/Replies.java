package vn.healthid.sandbox.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Map;

/** Turns a JSON answer into a WireMock response, with the configured latency and failure mode. */
final class Replies {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Faults faults;

    Replies(Faults faults) {
        this.faults = faults;
    }

    /** The failure to apply instead of a real answer, or null; checked before any work is done. */
    ResponseDefinition faultOrNull(boolean tokenEndpoint) {
        if (tokenEndpoint && !faults.hitsTokenEndpoint()) {
            return null;
        }
        var builder = switch (faults.mode()) {
            case NONE -> null;
            case SERVER_ERROR ->
                base(500)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>500 Internal Server Error</h1></body></html>");
            case MALFORMED_JSON ->
                base(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"maKetQua\":\"000\",\"hoTen\":\"Nguy");
            case CONNECTION_RESET -> base(200).withFault(Fault.CONNECTION_RESET_BY_PEER);
        };
        return builder == null ? null : builder.build();
    }

    ResponseDefinition json(int status, Map<String, ?> body) {
        try {
            return base(status)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(mapper.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseDefinition unauthorized() {
        return json(401, Map.of("maKetQua", "401", "ghiChu", "Lỗi xác thực (token không hợp lệ hoặc đã hết hạn)"));
    }

    ResponseDefinition badFormat(String why) {
        return json(200, Map.of("maKetQua", "205", "ghiChu", "Lỗi sai định dạng tham số: " + why));
    }

    private ResponseDefinitionBuilder base(int status) {
        var builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
        long delay = faults.latency().toMillis();
        return delay > 0 ? builder.withFixedDelay((int) delay) : builder;
    }
}
