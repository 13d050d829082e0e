package vn.healthid.identity.keycloak.vneid;

import java.time.LocalDate;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import vn.healthid.identity.keycloak.user.PersonName;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;

/**
 * Carries the verified VNeID claims from the identity provider to the first-broker-login authenticator and to
 * {@link VneidSessionLevel}, as attributes of the brokered context (which Keycloak keeps across the flow). They are
 * never copied onto the user by Keycloak itself: no identity-provider mapper reads these names.
 */
public final class VneidIdentity {

    static final String CITIZEN_PID = "vneid.citizenPid";
    static final String FULL_NAME = "vneid.fullName";
    static final String BIRTH_DATE = "vneid.birthDate";
    static final String LEVEL = "vneid.accountLevel";
    /** Set instead of the claims when they could not be read (standard OIDC path): the reason code. */
    static final String FAILURE = "vneid.failure";

    private VneidIdentity() {}

    /** Writes the claims and the names; never an e-mail (accounts are never matched by e-mail). */
    static void write(BrokeredIdentityContext context, VneidClaims claims) {
        context.setUserAttribute(CITIZEN_PID, claims.citizenPid());
        context.setUserAttribute(FULL_NAME, claims.fullName());
        if (claims.birthDate() != null) {
            context.setUserAttribute(BIRTH_DATE, claims.birthDate().toString());
        }
        context.setUserAttribute(LEVEL, String.valueOf(claims.accountLevel()));
        context.setEmail(null);
        PersonName name = PersonName.of(claims.fullName());
        context.setFirstName(name.given());
        context.setLastName(name.family());
    }

    /**
     * The brokered id and username become the patient id, so that federated links, events and session notes never
     * carry the national id (and the standard path's sub is no longer needed once the claims are read).
     */
    static void adoptPatientId(BrokeredIdentityContext context, String patientId, String alias) {
        context.setId(patientId);
        context.setBrokerUserId(alias + "." + patientId);
        context.setUsername(patientId);
        context.setModelUsername(patientId);
    }

    static void writeFailure(BrokeredIdentityContext context, String reason) {
        context.setUserAttribute(FAILURE, reason);
    }

    static Optional<String> failure(BrokeredIdentityContext context) {
        return Optional.ofNullable(context.getUserAttribute(FAILURE));
    }

    /** The claims this provider verified, or empty for a context that did not come through it. */
    public static Optional<VneidClaims> read(BrokeredIdentityContext context) {
        String pid = context.getUserAttribute(CITIZEN_PID);
        String level = context.getUserAttribute(LEVEL);
        if (pid == null || level == null) {
            return Optional.empty();
        }
        String birth = context.getUserAttribute(BIRTH_DATE);
        String name = context.getUserAttribute(FULL_NAME);
        return Optional.of(new VneidClaims(
                pid, name == null ? "" : name, birth == null ? null : LocalDate.parse(birth), Integer.parseInt(level)));
    }
}
