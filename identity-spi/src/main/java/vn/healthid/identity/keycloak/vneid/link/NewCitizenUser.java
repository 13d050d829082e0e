package vn.healthid.identity.keycloak.vneid.link;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.healthid.identity.keycloak.user.CitizenAttributes;
import vn.healthid.identity.keycloak.user.PersonName;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;

/**
 * A user created from a first VNeID login, named like a chip-created one (username = patient id) so that a later
 * chip login of the same card finds it by national id. The chip's card attributes stay unset until a card is read.
 */
final class NewCitizenUser {

    private NewCitizenUser() {}

    static UserModel create(KeycloakSession session, RealmModel realm, String patientId, VneidClaims claims) {
        UserModel user = session.users().addUser(realm, patientId);
        user.setEnabled(true);
        user.setSingleAttribute(CitizenAttributes.NATIONAL_ID, claims.citizenPid());
        PersonName name = PersonName.of(claims.fullName());
        user.setFirstName(name.given());
        user.setLastName(name.family());
        if (claims.birthDate() != null) {
            user.setSingleAttribute(
                    CitizenAttributes.BIRTHDATE, claims.birthDate().toString());
        }
        user.setSingleAttribute(CitizenAttributes.GENDER, genderOf(claims.citizenPid()));
        return user;
    }

    /** The 4th digit of a CCCD number encodes century and sex: even male, odd female (docs/vietnam.md section 1). */
    static String genderOf(String nationalId) {
        return (nationalId.charAt(3) - '0') % 2 == 0 ? "male" : "female";
    }
}
