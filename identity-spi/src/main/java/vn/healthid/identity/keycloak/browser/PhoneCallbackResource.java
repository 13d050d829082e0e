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
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import vn.healthid.identity.keycloak.abuse.RateLimiter;
import vn.healthid.identity.keycloak.abuse.SlotCounter;
import vn.healthid.identity.keycloak.challenge.ChallengeBinding;
import vn.healthid.identity.keycloak.challenge.ChallengeStore;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * {@code /realms/{realm}/cccd/phone/{challenge}}: the phone posts the bundle here (the URL is in the QR code); the
 * waiting login page polls {@code .../status}. Nothing is verified here: the browser's own authentication session
 * consumes the challenge, verifies the bundle and shows whose card it is before anyone is logged in. Accepted: only
 * challenges of a login page, at most {@code phone-max-bundle-bytes}, first post wins (a second one is 409 and aborts
 * the waiting login), within the rate limits (429 with Retry-After).
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
        RateLimiter limits = chip.rateLimits();
        String address = session.getContext().getConnection().getRemoteAddr();
        SlotCounter.Admission byAddress = limits.byAddress(RateLimiter.Action.PHONE, address);
        if (!byAddress.admitted()) {
            return tooMany(byAddress);
        }
        int max = Math.min(
                chip.settings().abuse().phoneMaxBytes(), chip.settings().maxBundleBytes());
        byte[] bundle = body.readNBytes(max + 1);
        if (bundle.length > max) {
            return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, "BUNDLE_TOO_LARGE");
        }
        if (!ChallengeStore.isWellFormed(challenge)) {
            return answer(Response.Status.NOT_FOUND, "CHALLENGE_NOT_ISSUED");
        }
        if (inbox().isClaimed(challenge)) {
            // Later than the first bundle, even once the browser has taken it: the waiting login is aborted.
            inbox().markContested(challenge, chip.settings().challengeTtl());
            return answer(Response.Status.CONFLICT, "BUNDLE_ALREADY_RECEIVED");
        }
        Optional<ChallengeBinding> binding = chip.challenges().binding(challenge);
        if (binding.isEmpty() || !binding.get().isBrowser()) {
            // Back-channel challenges are the clinic's own: no phone delivers to them.
            return answer(Response.Status.NOT_FOUND, "CHALLENGE_NOT_ISSUED");
        }
        SlotCounter.Admission byClient =
                limits.byClient(RateLimiter.Action.PHONE, binding.get().clientId());
        if (!byClient.admitted()) {
            return tooMany(byClient);
        }
        if (!inbox().deliver(challenge, bundle, address, chip.settings().challengeTtl())) {
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
                : inbox().isClaimed(challenge)
                        ? "received"
                        : chip.challenges().isPending(challenge) ? "waiting" : "expired";
        return Response.ok(Map.of("status", status))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private PhoneInbox inbox() {
        return new PhoneInbox(session.getProvider(SingleUseObjectProvider.class));
    }

    private static Response tooMany(SlotCounter.Admission refused) {
        return Response.status(429)
                .header("Retry-After", Long.toString(refused.retryAfterSeconds()))
                .entity(Map.of("error", RateLimiter.RATE_LIMITED))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static Response answer(Response.Status status, String error) {
        return Response.status(status)
                .entity(Map.of("error", error))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
