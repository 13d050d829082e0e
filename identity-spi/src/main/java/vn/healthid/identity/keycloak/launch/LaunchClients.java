package vn.healthid.identity.keycloak.launch;

import java.util.Arrays;
import org.keycloak.models.ClientModel;

/**
 * Which clinics may launch an app: the app's client attribute {@code smart.launch.clinics}, a comma-separated list of
 * clinic client ids, set by the realm administrator when the app is registered. No attribute: no EHR launch.
 */
public final class LaunchClients {

    public static final String CLINICS_ATTRIBUTE = "smart.launch.clinics";

    private LaunchClients() {}

    public static boolean acceptsLaunchesFrom(ClientModel app, String clinic) {
        if (app == null || !app.isEnabled() || !app.isStandardFlowEnabled()) {
            return false;
        }
        String clinics = app.getAttribute(CLINICS_ATTRIBUTE);
        return clinics != null
                && Arrays.stream(clinics.split(",")).map(String::strip).anyMatch(clinic::equals);
    }

    /** A client credentials token of a confidential client: the clinic's own system, not a person. */
    public static boolean isClinicSystem(ClientModel client, String serviceAccountClientLink) {
        return client != null
                && client.isEnabled()
                && !client.isPublicClient()
                && !client.isBearerOnly()
                && client.isServiceAccountsEnabled()
                && client.getId().equals(serviceAccountClientLink);
    }
}
