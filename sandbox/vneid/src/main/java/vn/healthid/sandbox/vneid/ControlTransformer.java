package vn.healthid.sandbox.vneid;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code POST /__standin/control} (sandbox only, form-urlencoded), so that tests in another JVM or class loader can
 * steer the stand-in: {@code action=sign-in-as&pid=...}, {@code action=fault&mode=TAMPER_USERINFO},
 * {@code action=register&pid=...&fullName=...&birthDate=yyyy-MM-dd&level=2}.
 */
final class ControlTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "vneid-control";

    private final VneidStandIn standIn;
    private final Replies replies;

    ControlTransformer(VneidStandIn standIn, Replies replies) {
        this.standIn = standIn;
        this.replies = replies;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Map<String, String> form = Params.form(serveEvent.getRequest().getBodyAsString());
        try {
            switch (form.getOrDefault("action", "")) {
                case "sign-in-as" -> standIn.signInAs(form.get("pid"));
                case "fault" -> standIn.faults().mode(FaultMode.valueOf(form.get("mode")));
                case "register" ->
                    standIn.accounts()
                            .register(new Account(
                                    form.get("pid"),
                                    form.get("fullName"),
                                    LocalDate.parse(form.get("birthDate")),
                                    Integer.parseInt(form.get("level"))));
                default -> {
                    return replies.text(400, "unknown action");
                }
            }
        } catch (RuntimeException e) {
            return replies.text(400, "bad control request: " + e.getClass().getSimpleName());
        }
        return replies.text(200, "ok");
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
