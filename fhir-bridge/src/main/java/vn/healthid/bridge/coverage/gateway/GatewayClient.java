package vn.healthid.bridge.coverage.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The VSS gateway calls (docs/vietnam.md section 4): the card check and the treatment history, each
 * with the staff identity and the shared session token, renewed once on a 401.
 */
public final class GatewayClient {

    static final String CARD_CHECK_PATH = "/api/egw/KQNhanLichSuKCB2024";
    static final String HISTORY_PATH = "/api/egw/Lskcb2025";

    private final GatewaySettings settings;
    private final GatewayHttp http;
    private final GatewayTokenSource tokens;
    private final ObjectMapper mapper;
    private final CardCheckParser cardParser;
    private final HistoryParser historyParser;

    public GatewayClient(GatewaySettings settings, TokenCache tokenCache, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.http = new GatewayHttp(settings);
        this.tokens = new GatewayTokenSource(settings, http, tokenCache, mapper, clock);
        this.mapper = mapper;
        this.cardParser = new CardCheckParser(mapper);
        this.historyParser = new HistoryParser(mapper);
    }

    public CardCheckResult checkCard(CardQuery query, StaffIdentity staff) {
        var body = new LinkedHashMap<String, String>();
        body.put("maThe", query.maThe());
        body.put("hoTen", query.fullName());
        body.put("ngaySinh", query.ngaySinh());
        body.put("hoTenCb", staff.name());
        body.put("cccdCb", staff.nationalId());
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var reply = withToken(CARD_CHECK_PATH, "application/json", json);
        return cardParser.parse(reply.body());
    }

    public HistoryParser.History history(CardQuery query, StaffIdentity staff) {
        var form = new LinkedHashMap<String, String>();
        form.put("maThe", query.maThe());
        form.put("hoTen", query.fullName());
        form.put("ngaySinh", query.ngaySinh());
        form.put("hoTenCb", staff.name());
        form.put("cccdCb", staff.nationalId());
        var reply = withToken(HISTORY_PATH, "application/x-www-form-urlencoded", encode(form));
        return historyParser.parse(reply.body());
    }

    private GatewayHttp.Reply withToken(String path, String contentType, String body) {
        var token = tokens.current();
        var reply = http.post(uri(path, token), contentType, body);
        if (reply.status() == 401) {
            token = tokens.renew(token);
            reply = http.post(uri(path, token), contentType, body);
        }
        if (reply.status() != 200) {
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, "gateway answered HTTP " + reply.status());
        }
        return reply;
    }

    private URI uri(String path, GatewayToken token) {
        var query = new LinkedHashMap<String, String>();
        query.put("token", token.accessToken());
        query.put("id_token", token.idToken());
        query.put("username", token.username());
        query.put("password", tokens.md5Hex(settings.password()));
        return URI.create(settings.baseUrl() + path + "?" + encode(query));
    }

    private static String encode(Map<String, String> pairs) {
        return pairs.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
