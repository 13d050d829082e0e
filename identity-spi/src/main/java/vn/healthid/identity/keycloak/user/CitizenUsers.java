package vn.healthid.identity.keycloak.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
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
            user = create(citizen, verifiedAt);
        } else if (isNewerCard(user, citizen)) {
            write(user, citizen, verifiedAt);
        }
        // A known card writes nothing: a chip login costs no database write (the session carries the time).
        return user;
    }

    /**
     * The first login of a card creates its account in a transaction of its own, committed before the token is issued.
     * Logins of one new card at the same moment (two phones, two nodes) race for the username, which is unique: the
     * loser's insert fails, and it takes the account the winner committed, so every one of them logs in and there is
     * one account (docs/cluster.md, check {@code first-login}). Without the own transaction the failed insert would
     * spoil the login's transaction and the loser would get Keycloak's "Duplicate resource error".
     */
    private UserModel create(VerifiedCitizen citizen, Instant verifiedAt) {
        String username = patientIds.forNationalId(citizen.number());
        String realmId = realm.getId();
        String id;
        try {
            id = KeycloakModelUtils.runJobInTransactionWithResult(
                    session.getKeycloakSessionFactory(),
                    session.getContext(),
                    own -> {
                        RealmModel ownRealm = own.realms().getRealm(realmId);
                        // The username is the patient id: the national id itself stays out of preferred_username.
                        UserModel created = own.users().addUser(ownRealm, username);
                        created.setEnabled(true);
                        created.setSingleAttribute(CitizenAttributes.NATIONAL_ID, citizen.number());
                        write(created, citizen, verifiedAt);
                        return created.getId();
                    },
                    "healthid.citizen.create");
        } catch (ModelDuplicateException concurrentFirstLogin) {
            return find(citizen.number())
                    .orElseThrow(() -> new IllegalStateException(
                            "the account of a concurrent first login is not visible", concurrentFirstLogin));
        }
        UserModel created = session.users().getUserById(realm, id);
        if (created == null) {
            throw new IllegalStateException("the account just created is not visible");
        }
        return created;
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
