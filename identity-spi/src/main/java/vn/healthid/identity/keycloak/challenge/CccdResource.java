package vn.healthid.identity.keycloak.challenge;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.services.cors.Cors;
import vn.healthid.identity.keycloak.browser.PhoneCallbackResource;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * {@code /realms/{realm}/cccd}: the challenge endpoint of the clinic back channel, and the phone callback of the
 * cross-device browser login.
 */
public final class CccdResource {

    private final KeycloakSession session;

    CccdResource(KeycloakSession session) {
        this.session = session;
    }

    /** Client-authenticated (secret, private_key_jwt, or client_id for public clients): a nonce bound to it. */
    @POST
    @Path("challenge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge() {
        Cors cors = Cors.builder().auth().allowedMethods("POST");
        EventBuilder event = new EventBuilder(
                        session.getContext().getRealm(),
                        session,
                        session.getContext().getConnection())
                .event(EventType.CLIENT_LOGIN)
                .detail("operation", "cccd_challenge");
        // Throws a CorsErrorResponseException (401 invalid_client) when the client does not authenticate.
        ClientModel client =
                AuthorizeClientUtil.authorizeClient(session, event, cors).getClient();
        ChipService chip = session.getProvider(ChipService.class);
        IssuedChallenge issued = challenges(session, chip).issue(ChallengeBinding.backChannel(client.getClientId()));
        Map<String, Object> body = Map.of(
                "challenge", issued.challenge(),
                "expires_in", chip.settings().challengeTtl().toSeconds(),
                "expires_at", issued.expiresAt().toString());
        return cors.add(Response.ok(body, MediaType.APPLICATION_JSON_TYPE));
    }

    @Path("phone")
    public PhoneCallbackResource phone() {
        return new PhoneCallbackResource(session);
    }

    public static ChallengeStore challenges(KeycloakSession session, ChipService chip) {
        return new ChallengeStore(
                session.getProvider(SingleUseObjectProvider.class),
                chip.settings().challengeTtl());
    }
}
