package vn.healthid.identity.keycloak.audit;

import java.io.IOException;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.healthid.identity.keycloak.redis.RedisConnection;
import vn.healthid.identity.keycloak.service.ChipService;
import vn.healthid.identity.keycloak.user.CitizenAttributes;
import vn.healthid.identity.keycloak.user.PatientIds;

/**
 * Publishes the health realm's login events to the audit stream, and to the citizen's own stream
 * when the user is a known citizen, so that "who looked at my records" also lists logins. A Redis
 * failure is logged and never fails the login: the login is not an access to health data.
 */
final class AuditEventListener implements EventListenerProvider {

    private static final System.Logger LOG = System.getLogger(AuditEventListener.class.getName());

    private final KeycloakSession session;
    private final AuditListenerConfig config;
    private final RedisConnection writer;

    AuditEventListener(KeycloakSession session, AuditListenerConfig config, RedisConnection writer) {
        this.session = session;
        this.config = config;
        this.writer = writer;
    }

    @Override
    public void onEvent(Event event) {
        if (!config.enabled()
                || event.getType() == null
                || !config.eventTypes().contains(event.getType().name())
                || !config.realm().equals(realmName(event))) {
            return;
        }
        String patientId = patientId(event);
        Map<String, String> entry = AuditEntryMapper.toEntry(event, patientId);
        try {
            if (patientId != null) {
                writer.xadd(config.patientStreamKey(patientId), entry);
            }
            writer.xadd(config.streamKey(), entry);
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "audit entry lost for {0} event of client {1}: {2}",
                    event.getType(),
                    event.getClientId(),
                    e.toString());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // admin changes are Keycloak's own admin events, not accesses to a citizen's data
    }

    private String realmName(Event event) {
        if (event.getRealmName() != null) {
            return event.getRealmName();
        }
        RealmModel realm = event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        return realm == null ? null : realm.getName();
    }

    /** The shared patient id of the user's verified national id; null for unknown users. */
    private String patientId(Event event) {
        if (event.getUserId() == null || event.getRealmId() == null) {
            return null;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        String number = user == null ? null : user.getFirstAttribute(CitizenAttributes.NATIONAL_ID);
        ChipService chip = session.getProvider(ChipService.class);
        if (number == null || chip == null) {
            return null;
        }
        return new PatientIds(chip.settings().patientIdKey()).forNationalId(number);
    }

    @Override
    public void close() {
        // the writer belongs to the factory
    }
}
