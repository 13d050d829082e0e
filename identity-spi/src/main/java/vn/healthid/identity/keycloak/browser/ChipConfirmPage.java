package vn.healthid.identity.keycloak.browser;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;

/** "Is this your card?": masked number, name, face when DG2 has one; buttons "It is me" and "Not me". */
final class ChipConfirmPage {

    static final String TEMPLATE = "cccd-confirm.ftl";

    private ChipConfirmPage() {}

    static Response render(AuthenticationFlowContext context, PendingConfirmation pending) {
        return context.form()
                .setAttribute("cccdMaskedNumber", pending.maskedNumber())
                .setAttribute("cccdName", pending.name())
                .setAttribute("cccdFace", pending.face())
                .createForm(TEMPLATE);
    }
}
