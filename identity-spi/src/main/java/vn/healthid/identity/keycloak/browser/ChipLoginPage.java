package vn.healthid.identity.keycloak.browser;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import vn.healthid.identity.keycloak.login.ChipLogin;

/** The waiting page: QR code / deep link for the phone, polling URL, kiosk field, cancel. */
final class ChipLoginPage {

    static final String TEMPLATE = "cccd-login.ftl";

    private ChipLoginPage() {}

    static Response render(AuthenticationFlowContext context, String challenge, String rejectedReason) {
        URI base = context.getUriInfo().getBaseUri();
        String realmUrl =
                Urls.realmBase(base).path(context.getRealm().getName()).build().toString();
        String callback = realmUrl + "/cccd/phone/" + challenge;
        // Version 1 of the link (docs/chip-bundle.md): the realm and client let the phone app show where the login
        // goes.
        String deepLink =
                "healthid-chip://login?v=1&realm=" + enc(context.getRealm().getName()) + "&client="
                        + enc(context.getAuthenticationSession().getClient().getClientId()) + "&challenge=" + challenge
                        + "&callback=" + enc(callback);
        LoginFormsProvider form = context.form()
                .setAttribute("cccdChallenge", challenge)
                .setAttribute("cccdCallback", callback)
                .setAttribute("cccdStatusUrl", callback + "/status")
                .setAttribute("cccdDeepLink", deepLink)
                .setAttribute("cccdQrSvg", QrSvg.of(deepLink));
        // A step-up: the page names the person already signed in, never the opaque patient-id username.
        String name = displayName(context.getUser());
        if (!name.isEmpty()) {
            form.setAttribute("cccdDisplayName", name);
        }
        if (ChipLogin.TOO_MANY_FAILURES.equals(rejectedReason)) {
            form.setError("cccdTooManyFailures", rejectedReason);
        } else if (rejectedReason != null) {
            form.setError("cccdRejected", rejectedReason);
        }
        return form.createForm(TEMPLATE);
    }

    /** Vietnamese order, family name first, as printed on the card; empty before anyone is signed in. */
    static String displayName(UserModel user) {
        if (user == null) {
            return "";
        }
        String family = user.getLastName() == null ? "" : user.getLastName().strip();
        String given = user.getFirstName() == null ? "" : user.getFirstName().strip();
        return (family + " " + given).strip();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
