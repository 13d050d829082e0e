package vn.healthid.identity.keycloak.browser;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.services.Urls;

/** The waiting page: QR code / deep link for the phone, polling URL, kiosk field, cancel. */
final class ChipLoginPage {

    static final String TEMPLATE = "cccd-login.ftl";

    private ChipLoginPage() {}

    static Response render(AuthenticationFlowContext context, String challenge, String rejectedReason) {
        URI base = context.getUriInfo().getBaseUri();
        String realmUrl =
                Urls.realmBase(base).path(context.getRealm().getName()).build().toString();
        String callback = realmUrl + "/cccd/phone/" + challenge;
        String deepLink = "healthid-chip://login?challenge=" + challenge + "&callback="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8);
        LoginFormsProvider form = context.form()
                .setAttribute("cccdChallenge", challenge)
                .setAttribute("cccdCallback", callback)
                .setAttribute("cccdStatusUrl", callback + "/status")
                .setAttribute("cccdDeepLink", deepLink)
                .setAttribute("cccdQrSvg", QrSvg.of(deepLink));
        if (rejectedReason != null) {
            form.setError("cccdRejected", rejectedReason);
        }
        return form.createForm(TEMPLATE);
    }
}
