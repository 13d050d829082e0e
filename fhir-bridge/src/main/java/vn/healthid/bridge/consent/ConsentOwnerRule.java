package vn.healthid.bridge.consent;

import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;

/**
 * Who manages consents: the citizen with their own token (no system client, no clinic acting for
 * them); a change (grant, update, revoke) also needs level 3 proven within
 * healthid.security.recent-proof.
 */
final class ConsentOwnerRule {

    private ConsentOwnerRule() {}

    /** The citizen's patient id, for reading their consents. */
    static String reader(Caller caller) {
        return citizen(caller).patientId().orElseThrow();
    }

    /** The citizen's patient id, for changing their consents. */
    static String changer(Caller caller) {
        Caller citizen = citizen(caller);
        citizen.requireLevel(3);
        return citizen.patientId().orElseThrow();
    }

    private static Caller citizen(Caller caller) {
        if (!caller.isCitizenInPerson()) {
            throw new BridgeFhirException(
                    BridgeError.SCOPE_INSUFFICIENT, "Consents are managed by the citizen with their own token.");
        }
        return caller;
    }
}
