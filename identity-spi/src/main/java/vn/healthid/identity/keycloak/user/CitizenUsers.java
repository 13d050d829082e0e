package vn.healthid.identity.keycloak.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.healthid.identity.chip.Sex;
import vn.healthid.identity.chip.VerifiedCitizen;

/**
 * Users keyed by the national id attribute, never by e-mail. Created on the first chip login; the identity
 * attributes are rewritten only when a card issued later than the stored one is presented.
 */
public final class CitizenUsers {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PatientIds patientIds;

    public CitizenUsers(KeycloakSession session, RealmModel realm, PatientIds patientIds) {
        this.session = session;
        this.realm = realm;
        this.patientIds = patientIds;
    }

    /**
     * By username first: it is the patient id, a unique index that Keycloak's user cache also serves, so a repeat
     * login reads no user table (docs/capacity.md). The attribute index is the fallback for accounts named otherwise
     * (created by an administrator), and the one place the national id is trusted is the attribute itself.
     */
    public Optional<UserModel> find(String nationalId) {
        UserModel named = session.users().getUserByUsername(realm, patientIds.forNationalId(nationalId));
        if (named != null && holds(named, nationalId)) {
            return Optional.of(named);
        }
        return session.users()
                .searchForUserByUserAttributeStream(realm, CitizenAttributes.NATIONAL_ID, nationalId)
                .findFirst();
    }

    private static boolean holds(UserModel user, String nationalId) {
        String stored = user.getFirstAttribute(CitizenAttributes.NATIONAL_ID);
        return stored != null
                && MessageDigest.isEqual(
                        stored.getBytes(StandardCharsets.US_ASCII), nationalId.getBytes(StandardCharsets.US_ASCII));
    }

    public UserModel upsert(VerifiedCitizen citizen, Instant verifiedAt) {
        UserModel user = find(citizen.number()).orElse(null);
        if (user == null) {
            // The username is the patient id: the national id itself stays out of preferred_username.
            user = session.users().addUser(realm, patientIds.forNationalId(citizen.number()));
            user.setEnabled(true);
            user.setSingleAttribute(CitizenAttributes.NATIONAL_ID, citizen.number());
            write(user, citizen, verifiedAt);
        } else if (isNewerCard(user, citizen)) {
            write(user, citizen, verifiedAt);
        }
        // A known card writes nothing: a chip login costs no database write (the session carries the time).
        return user;
    }

    private static boolean isNewerCard(UserModel user, VerifiedCitizen citizen) {
        String stored = user.getFirstAttribute(CitizenAttributes.CARD_ISSUED);
        return stored == null
                || (citizen.dateOfIssue() != null && citizen.dateOfIssue().isAfter(LocalDate.parse(stored)));
    }

    private static void write(UserModel user, VerifiedCitizen citizen, Instant verifiedAt) {
        user.setSingleAttribute(CitizenAttributes.CHIP_VERIFIED_AT, verifiedAt.toString());
        PersonName name = PersonName.of(citizen.fullName());
        user.setFirstName(name.given());
        user.setLastName(name.family());
        user.setSingleAttribute(
                CitizenAttributes.BIRTHDATE, citizen.dateOfBirth().toString());
        user.setSingleAttribute(CitizenAttributes.GENDER, citizen.sex() == Sex.MALE ? "male" : "female");
        if (citizen.dateOfIssue() != null) {
            user.setSingleAttribute(
                    CitizenAttributes.CARD_ISSUED, citizen.dateOfIssue().toString());
        }
        if (citizen.dateOfExpiry() != null) {
            user.setSingleAttribute(
                    CitizenAttributes.CARD_EXPIRY, citizen.dateOfExpiry().toString());
        } else {
            user.removeAttribute(CitizenAttributes.CARD_EXPIRY);
        }
    }
}
