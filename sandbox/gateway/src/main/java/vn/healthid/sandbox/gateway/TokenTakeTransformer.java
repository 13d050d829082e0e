package vn.healthid.sandbox.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code POST /api/token/take}: {username, password (md5 hex)} to an APIKey. */
final class TokenTakeTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "healthid-token-take";

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong calls = new AtomicLong();
    private final Credentials credentials;
    private final TokenRegistry tokens;
    private final Replies replies;

    TokenTakeTransformer(Credentials credentials, TokenRegistry tokens, Replies replies) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.replies = replies;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        calls.incrementAndGet();
        var fault = replies.faultOrNull(true);
        if (fault != null) {
            return fault;
        }
        Map<?, ?> body;
        try {
            body = mapper.readValue(serveEvent.getRequest().getBodyAsString(), Map.class);
        } catch (IOException | RuntimeException e) {
            return replies.badFormat("body is not JSON");
        }
        var username = body.get("username") instanceof String s ? s : null;
        var password = body.get("password") instanceof String s ? s : null;
        if (!credentials.matches(username, password)) {
            return replies.json(401, Map.of("maKetQua", "401", "ghiChu", "Sai tên đăng nhập hoặc mật khẩu"));
        }
        var issued = tokens.issue(username);
        var apiKey = new LinkedHashMap<String, Object>();
        apiKey.put("access_token", issued.accessToken());
        apiKey.put("id_token", issued.idToken());
        apiKey.put("token_type", "bearer");
        apiKey.put("username", username);
        apiKey.put("expires_in", tokens.ttl().toSeconds());
        return replies.json(200, Map.of("maKetQua", "200", "APIKey", apiKey));
    }

    long calls() {
        return calls.get();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
