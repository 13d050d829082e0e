package vn.healthid.identity.keycloak.vneid;

import jakarta.ws.rs.core.Response;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The one way a refused VNeID login ends: an event with the reason code, and the realm's error page, no stack trace. */
final class VneidErrorPage {

    private static final System.Logger LOG = System.getLogger(VneidErrorPage.class.getName());

    private VneidErrorPage() {}

    static Response refuse(
            KeycloakSession session,
            AuthenticationSessionModel authSession,
            EventBuilder event,
            String alias,
            VneidRefusal refusal) {
        // The cause (an I/O or crypto exception) goes to the server log at debug level only: no payload in it.
        LOG.log(System.Logger.Level.INFO, "VNeID login refused: {0}", refusal.reason());
        if (refusal.getCause() != null) {
            LOG.log(System.Logger.Level.DEBUG, "VNeID refusal cause", refusal.getCause());
        }
        refusal.record(event, alias);
        Response.Status status = refusal.upstreamFault() ? Response.Status.BAD_GATEWAY : Response.Status.FORBIDDEN;
        return ErrorPage.error(session, authSession, status, refusal.userMessage());
    }
}
