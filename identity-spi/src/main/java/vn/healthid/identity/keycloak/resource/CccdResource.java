package vn.healthid.identity.keycloak.resource;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.services.cors.Cors;
import vn.healthid.identity.keycloak.abuse.RateLimiter;
import vn.healthid.identity.keycloak.abuse.SlotCounter;
import vn.healthid.identity.keycloak.browser.PhoneCallbackResource;
import vn.healthid.identity.keycloak.challenge.ChallengeBinding;
import vn.healthid.identity.keycloak.challenge.IssuedChallenge;
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

    /**
     * Confidential clients only (secret or private_key_jwt): the nonce is bound to the client, and only the chip grant
     * of that client consumes it. A public client could not redeem it, and an unauthenticated issuer would let anyone
     * fill the store.
     */
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
        ChipService chip = session.getProvider(ChipService.class);
        String address = session.getContext().getConnection().getRemoteAddr();
        RateLimiter limits = chip.rateLimits();
        SlotCounter.Admission byAddress = limits.byAddress(RateLimiter.Action.CHALLENGE, address);
        if (!byAddress.admitted()) {
            return tooMany(cors, event, byAddress);
        }
        // Throws a CorsErrorResponseException (401 invalid_client) when the client does not authenticate.
        ClientModel client =
                AuthorizeClientUtil.authorizeClient(session, event, cors).getClient();
        if (client.isPublicClient() || client.isBearerOnly()) {
            event.detail(Details.REASON, "chip challenge needs a confidential client")
                    .error(Errors.INVALID_CLIENT);
            return cors.add(Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Map.of(
                            "error",
                            OAuthErrorException.UNAUTHORIZED_CLIENT,
                            "error_description",
                            "confidential client required"))
                    .type(MediaType.APPLICATION_JSON_TYPE));
        }
        SlotCounter.Admission byClient = limits.byClient(RateLimiter.Action.CHALLENGE, client.getClientId());
        if (!byClient.admitted()) {
            return tooMany(cors, event, byClient);
        }
        IssuedChallenge issued = chip.challenges().issue(ChallengeBinding.backChannel(client.getClientId()));
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

    private static Response tooMany(Cors cors, EventBuilder event, SlotCounter.Admission refused) {
        event.detail(Details.REASON, RateLimiter.RATE_LIMITED).error("rate_limited");
        return cors.add(Response.status(429)
                .header("Retry-After", Long.toString(refused.retryAfterSeconds()))
                .entity(Map.of("error", "temporarily_unavailable", "error_description", RateLimiter.RATE_LIMITED))
                .type(MediaType.APPLICATION_JSON_TYPE));
    }
}
