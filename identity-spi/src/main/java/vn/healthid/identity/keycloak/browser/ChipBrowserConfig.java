package vn.healthid.identity.keycloak.browser;

import java.util.Map;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import vn.healthid.identity.chip.Proof;
import vn.healthid.identity.keycloak.service.ChipSettings;

/**
 * Typed view of the authenticator's settings. The proof an execution demands is its own setting (or the server
 * default), raised to passive + active whenever the enclosing sub-flow's Level-of-Authentication condition or the
 * level the client requested (acr_values, default or minimum acr) is above the passive level: a copy of the files
 * must never reach a higher level.
 */
record ChipBrowserConfig(Proof requiredProof) {

    static final String PROOF = "proof-required";
    private static final String LOA_CONDITION = "conditional-level-of-authentication";
    private static final String LOA_LEVEL = "loa-condition-level";

    static ChipBrowserConfig of(AuthenticationFlowContext context, ChipSettings settings) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        Map<String, String> config = model == null ? Map.of() : model.getConfig();
        String configured = config.getOrDefault(PROOF, "");
        Proof proof = configured.isBlank() ? settings.proofRequired() : Proof.valueOf(configured);
        int requested = new AcrStore(context.getSession(), context.getAuthenticationSession())
                .getRequestedLevelOfAuthentication(context.getTopLevelFlow());
        if (Math.max(enclosingLevel(context), requested) > settings.levels().loaPassive()) {
            // Also when the client asked for more (its minimum level): a copy of the files is refused at once rather
            // than let through level 1 and asked for the card again at the next step.
            proof = Proof.PASSIVE_AND_ACTIVE;
        }
        return new ChipBrowserConfig(proof);
    }

    private static int enclosingLevel(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        AuthenticationExecutionModel execution = context.getExecution();
        return realm.getAuthenticationExecutionsStream(execution.getParentFlow())
                .filter(e -> LOA_CONDITION.equals(e.getAuthenticator()) && e.getAuthenticatorConfig() != null)
                .map(e -> realm.getAuthenticatorConfigById(e.getAuthenticatorConfig()))
                .filter(c -> c != null && c.getConfig().containsKey(LOA_LEVEL))
                .mapToInt(c -> Integer.parseInt(c.getConfig().get(LOA_LEVEL).trim()))
                .max()
                .orElse(0);
    }
}
