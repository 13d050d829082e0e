package vn.healthid.identity.keycloak.vneid.link;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.healthid.identity.keycloak.user.CitizenAttributes;
import vn.healthid.identity.keycloak.vneid.CitizenPatientIds;
import vn.healthid.identity.keycloak.vneid.VneidIdentity;
import vn.healthid.identity.keycloak.vneid.VneidRefusal;
import vn.healthid.identity.keycloak.vneid.VneidUserAttributes;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;

/**
 * First broker login for VNeID: link to the one proven user with the same national id, or create the user; refuse
 * ambiguity. Replaces Keycloak's review-profile / create-if-unique / link-by-e-mail steps, none of which may run.
 */
final class VneidLinkAuthenticator extends AbstractIdpAuthenticator {

    @Override
    protected void authenticateImpl(
            AuthenticationFlowContext context,
            SerializedBrokeredIdentityContext serialized,
            BrokeredIdentityContext broker) {
        String alias = broker.getIdpConfig().getAlias();
        Optional<VneidClaims> claims = VneidIdentity.read(broker);
        if (claims.isEmpty()) {
            refuse(
                    context,
                    alias,
                    new LinkDecision.Refuse(
                            "VNEID_IDENTITY_MISSING",
                            "This sign-in did not come from the VNeID provider, so it cannot be linked here."));
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        List<UserModel> matches = session.users()
                .searchForUserByUserAttributeStream(
                        realm, CitizenAttributes.NATIONAL_ID, claims.get().citizenPid())
                .limit(3)
                .toList();
        LinkDecision decision = LinkDecision.decide(
                claims.get().accountLevel(),
                matches.stream().map(VneidLinkAuthenticator::candidate).toList());
        switch (decision) {
            case LinkDecision.LinkTo link -> {
                context.setUser(matches.get(0));
                context.success();
            }
            case LinkDecision.CreateUser create -> createUser(context, alias, claims.get());
            case LinkDecision.Refuse refusal -> refuse(context, alias, refusal);
        }
    }

    private static void createUser(AuthenticationFlowContext context, String alias, VneidClaims claims) {
        UserModel user;
        try {
            user = NewCitizenUser.create(
                    context.getSession(),
                    context.getRealm(),
                    new CitizenPatientIds(context.getSession()).patientId(claims.citizenPid()),
                    claims);
        } catch (ModelDuplicateException e) {
            // A user already has this patient id as username but not the national id: do not guess.
            refuse(
                    context,
                    alias,
                    new LinkDecision.Refuse(
                            "VNEID_LINK_AMBIGUOUS",
                            "An account with this identity exists but does not match it exactly. Please contact the service desk."));
            return;
        }
        context.getAuthenticationSession().setAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER, "true");
        context.setUser(user);
        context.success();
    }

    private static LinkDecision.Candidate candidate(UserModel user) {
        return new LinkDecision.Candidate(
                user.getId(),
                user.getFirstAttribute(CitizenAttributes.CHIP_VERIFIED_AT) != null,
                user.getFirstAttribute(VneidUserAttributes.VNEID_VERIFIED_AT) != null);
    }

    private static void refuse(AuthenticationFlowContext context, String alias, LinkDecision.Refuse refusal) {
        VneidRefusal.policy(refusal.reason(), refusal.message()).record(context.getEvent(), alias);
        Response page = context.form()
                .setError(refusal.message() + " [" + refusal.reason() + "]")
                .createErrorPage(Response.Status.CONFLICT);
        context.failureChallenge(AuthenticationFlowError.INVALID_USER, page);
    }

    @Override
    protected void actionImpl(
            AuthenticationFlowContext context,
            SerializedBrokeredIdentityContext serialized,
            BrokeredIdentityContext broker) {
        authenticateImpl(context, serialized, broker); // no form of its own: every check runs again
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
