package vn.healthid.identity.keycloak.launch;

import java.time.Duration;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import vn.healthid.identity.keycloak.service.ChipService;
import vn.healthid.identity.keycloak.user.CitizenAttributes;
import vn.healthid.identity.keycloak.user.PatientIds;

/**
 * Which patients a clinic may launch an app for: those whose card it has read at its desk (a successful chip
 * back-channel login, grant {@code urn:vn:healthid:params:oauth:grant-type:cccd-chip}) within the visit window.
 * Recorded by the chip grant, read by the launch registration (docs/smart.md, "Which patients a clinic may launch
 * for"). Keys hold the clinic's client id and the patient id, never an identity number.
 */
public final class ClinicVisits {

    private static final String PREFIX = "healthid.smart.visit.";

    private final SingleUseObjectProvider store;
    private final Duration window;

    public ClinicVisits(SingleUseObjectProvider store, Duration window) {
        this.store = store;
        this.window = window;
    }

    /** Called by the chip grant once the card at the clinic's desk has logged the citizen in. */
    public static void recordChipLogin(KeycloakSession session, String clinic, UserModel citizen) {
        String number = citizen.getFirstAttribute(CitizenAttributes.NATIONAL_ID);
        if (number == null) {
            return;
        }
        String patientId =
                new PatientIds(session.getProvider(ChipService.class).settings().patientIdKey()).forNationalId(number);
        new ClinicVisits(
                        session.getProvider(SingleUseObjectProvider.class),
                        LaunchSettings.of(session).visitWindow())
                .record(clinic, patientId);
    }

    /** The clinic has just proven the patient's presence with their card. */
    public void record(String clinic, String patientId) {
        store.put(key(clinic, patientId), window.toSeconds(), Map.of());
    }

    public boolean seen(String clinic, String patientId) {
        return store.contains(key(clinic, patientId));
    }

    private static String key(String clinic, String patientId) {
        return PREFIX + clinic.length() + ":" + clinic + ":" + patientId;
    }
}
