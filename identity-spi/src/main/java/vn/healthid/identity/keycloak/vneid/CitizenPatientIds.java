package vn.healthid.identity.keycloak.vneid;

import org.keycloak.models.KeycloakSession;
import vn.healthid.identity.keycloak.service.ChipService;
import vn.healthid.identity.keycloak.user.PatientIds;

/** The patient id of a national id, with the key the chip login uses, so that both name a citizen's user alike. */
public final class CitizenPatientIds {

    private final KeycloakSession session;

    public CitizenPatientIds(KeycloakSession session) {
        this.session = session;
    }

    public String patientId(String nationalId) {
        ChipService chip = session.getProvider(ChipService.class);
        if (chip == null) {
            throw VneidRefusal.invalidAnswer(
                    "VNEID_NOT_CONFIGURED",
                    new IllegalStateException("the healthid-chip provider (patient-id key) is missing"));
        }
        return new PatientIds(chip.settings().patientIdKey()).forNationalId(nationalId);
    }
}
