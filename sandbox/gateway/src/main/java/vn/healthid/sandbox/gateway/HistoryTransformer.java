package vn.healthid.sandbox.gateway;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /api/egw/Lskcb2025} (form-urlencoded: maThe, hoTen, ngaySinh, hoTenCb, cccdCb; token
 * parameters in the query or the form): the treatment history, after the same card check.
 */
final class HistoryTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "healthid-history";

    private final AtomicLong calls = new AtomicLong();
    private final CallerCheck caller;
    private final CardLookup lookup;
    private final Replies replies;

    HistoryTransformer(CallerCheck caller, CardLookup lookup, Replies replies) {
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
        if (!CallerCheck.isForm(request)) {
            return replies.badFormat("body must be application/x-www-form-urlencoded");
        }
        var staffProblem = CallerCheck.staffProblem(
                CallerCheck.formValue(request, "hoTenCb"), CallerCheck.formValue(request, "cccdCb"));
        if (staffProblem != null) {
            return replies.badFormat(staffProblem);
        }
        var result = lookup.check(
                CallerCheck.formValue(request, "maThe"),
                CallerCheck.formValue(request, "hoTen"),
                CallerCheck.formValue(request, "ngaySinh"));
        var out = new LinkedHashMap<String, Object>();
        boolean known = result.person() != null;
        out.put("maKetQua", known ? "000" : result.code());
        out.put("ghiChu", known ? "Thành công" : result.ghiChu());
        out.put("dsLichSuKCB", known ? result.person().history() : java.util.List.of());
        return replies.json(200, out);
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
