package vn.healthid.identity.keycloak.launch;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.util.JsonSerialization;

/**
 * {@code POST /realms/{realm}/smart-launch}: a clinic's system (the EHR, in SMART App Launch terms) registers the
 * context of an EHR launch and gets the opaque {@code launch} value it passes to the app. The caller authenticates
 * with its own client credentials token; the app must name the clinic ({@link LaunchClients}); the patient must be
 * one the clinic has identified by card ({@link ClinicVisits}). API and errors: docs/smart.md.
 */
public final class SmartLaunchResource {

    private static final Logger LOG = Logger.getLogger(SmartLaunchResource.class);
    private static final int MAX_BODY_CHARS = 4096;

    private final KeycloakSession session;
    private final LaunchSettings settings;
    private final Clock clock;

    SmartLaunchResource(KeycloakSession session, LaunchSettings settings, Clock clock) {
        this.session = session;
        this.settings = settings;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body) {
        RealmModel realm = session.getContext().getRealm();
        AuthenticationManager.AuthResult caller = caller();
        if (caller == null) {
            return refuse(LaunchRefusal.LAUNCH_TOKEN_INVALID);
        }
        ClientModel clinic = caller.client();
        if (!LaunchClients.isClinicSystem(clinic, caller.user().getServiceAccountClientLink())) {
            return refuse(LaunchRefusal.LAUNCH_NOT_A_CLINIC);
        }
        Optional<LaunchRequest> parsed = parse(body);
        if (parsed.isEmpty()) {
            return refuse(LaunchRefusal.LAUNCH_REQUEST_INVALID);
        }
        LaunchRequest request = parsed.get();
        if (!LaunchClients.acceptsLaunchesFrom(realm.getClientByClientId(request.app()), clinic.getClientId())) {
            return refuse(LaunchRefusal.LAUNCH_CLINIC_NOT_ALLOWED);
        }
        SingleUseObjectProvider store = session.getProvider(SingleUseObjectProvider.class);
        if (!new ClinicVisits(store, settings.visitWindow()).seen(clinic.getClientId(), request.patient())) {
            return refuse(LaunchRefusal.LAUNCH_PATIENT_NOT_SEEN);
        }
        Instant expiresAt = clock.instant().plus(request.lifespan());
        String launch = new LaunchStore(store, clock)
                .register(new LaunchContext(
                        clinic.getClientId(), request.app(), request.patient(), request.encounter(), expiresAt));
        LOG.debugf("smart launch registered by %s for app %s", clinic.getClientId(), request.app());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("launch", launch);
        answer.put("expires_in", request.lifespan().toSeconds());
        answer.put("client_id", request.app());
        answer.put("patient", request.patient());
        if (request.encounter() != null) {
            answer.put("encounter", request.encounter());
        }
        return Response.status(Response.Status.CREATED)
                .entity(answer)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private AuthenticationManager.AuthResult caller() {
        try {
            return new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (WebApplicationException | IllegalStateException rejected) {
            return null;
        }
    }

    private Optional<LaunchRequest> parse(String body) {
        if (body == null || body.length() > MAX_BODY_CHARS) {
            return Optional.empty();
        }
        try {
            Map<?, ?> json = JsonSerialization.readValue(body, Map.class);
            return json == null ? Optional.empty() : LaunchRequest.parse(json, settings.launchLifespan());
        } catch (IOException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static Response refuse(LaunchRefusal refusal) {
        Response.ResponseBuilder response = Response.status(refusal.status())
                .entity(Map.of(
                        "error", refusal.error(), "error_description", refusal.description(), "code", refusal.name()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store");
        if (refusal == LaunchRefusal.LAUNCH_TOKEN_INVALID) {
            response.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return response.build();
    }
}
