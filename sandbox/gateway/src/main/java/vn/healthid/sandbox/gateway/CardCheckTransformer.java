package vn.healthid.sandbox.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code POST /api/egw/KQNhanLichSuKCB2024}: the card check, answered from the population. */
final class CardCheckTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "healthid-card-check";

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong calls = new AtomicLong();
    private final CallerCheck caller;
    private final CardLookup lookup;
    private final Replies replies;

    CardCheckTransformer(CallerCheck caller, CardLookup lookup, Replies replies) {
        this.caller = caller;
        this.lookup = lookup;
        this.replies = replies;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        calls.incrementAndGet();
        var fault = replies.faultOrNull(false);
        if (fault != null) {
            return fault;
        }
        var request = serveEvent.getRequest();
        if (!caller.authenticated(request)) {
            return replies.unauthorized();
        }
        Map<?, ?> body;
        try {
            body = mapper.readValue(request.getBodyAsString(), Map.class);
        } catch (IOException | RuntimeException e) {
            return replies.badFormat("body is not JSON");
        }
        var staffProblem = CallerCheck.staffProblem(text(body, "hoTenCb"), text(body, "cccdCb"));
        if (staffProblem != null) {
            return replies.badFormat(staffProblem);
        }
        var result = lookup.check(text(body, "maThe"), text(body, "hoTen"), text(body, "ngaySinh"));
        return replies.json(200, answer(result));
    }

    private static Map<String, Object> answer(CardLookup.Result result) {
        var out = new LinkedHashMap<String, Object>();
        out.put("maKetQua", result.code());
        out.put("ghiChu", result.ghiChu());
        var p = result.person();
        if (p == null || result.code().equals("100") || result.code().equals("101")) {
            return out;
        }
        out.put("maThe", p.cardCode());
        out.put("maSoBHXH", p.bhxh());
        out.put("hoTen", p.hoTen());
        out.put("ngaySinh", p.ngaySinh());
        out.put("gioiTinh", p.gioiTinh());
        out.put("diaChi", p.diaChi());
        out.put("maDKBD", p.maDKBD());
        out.put("gtTheTu", p.gtTheTu());
        out.put("gtTheDen", p.gtTheDen());
        out.put("maKV", p.maKV());
        out.put("ngayDu5Nam", p.ngayDu5Nam());
        var r = p.renewal();
        out.put("maTheMoi", r == null ? null : r.maTheMoi());
        out.put("maDKBDMoi", r == null ? null : r.maDKBDMoi());
        out.put("gtTheTuMoi", r == null ? null : r.gtTheTuMoi());
        out.put("gtTheDenMoi", r == null ? null : r.gtTheDenMoi());
        return out;
    }

    private static String text(Map<?, ?> body, String key) {
        return body.get(key) instanceof String s ? s : null;
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
