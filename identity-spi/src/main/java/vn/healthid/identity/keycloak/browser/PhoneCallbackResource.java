package vn.healthid.identity.keycloak.browser;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import vn.healthid.identity.keycloak.challenge.CccdResource;
import vn.healthid.identity.keycloak.challenge.ChallengeStore;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * {@code /realms/{realm}/cccd/phone/{challenge}}: the phone posts the bundle here (the URL is in the QR code); the
 * waiting login page polls {@code .../status}. Nothing is verified here: the browser's own authentication session
 * consumes the challenge and verifies the bundle, so a phone cannot finish someone else's login.
 */
public final class PhoneCallbackResource {

    private final KeycloakSession session;
    private final ChipService chip;

    public PhoneCallbackResource(KeycloakSession session) {
        this.session = session;
        this.chip = session.getProvider(ChipService.class);
    }

    @POST
    @Path("{challenge}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response deliver(@PathParam("challenge") String challenge, InputStream body) throws IOException {
        int max = chip.settings().maxBundleBytes();
        byte[] bundle = body.readNBytes(max + 1);
        if (bundle.length > max) {
            return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, "BUNDLE_TOO_LARGE");
        }
        if (!challenges().isPending(challenge)) {
            return answer(Response.Status.NOT_FOUND, "CHALLENGE_NOT_ISSUED");
        }
        if (!inbox().deliver(challenge, bundle, chip.settings().challengeTtl())) {
            return answer(Response.Status.CONFLICT, "BUNDLE_ALREADY_RECEIVED");
        }
        return Response.accepted(Map.of("status", "received"))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @Path("{challenge}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("challenge") String challenge) {
        String status = !ChallengeStore.isWellFormed(challenge)
                ? "expired"
                : inbox().hasBundle(challenge) ? "received" : challenges().isPending(challenge) ? "waiting" : "expired";
        return Response.ok(Map.of("status", status))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private ChallengeStore challenges() {
        return CccdResource.challenges(session, chip);
    }

    private PhoneInbox inbox() {
        return new PhoneInbox(session.getProvider(SingleUseObjectProvider.class));
    }

    private static Response answer(Response.Status status, String error) {
        return Response.status(status)
                .entity(Map.of("error", error))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
