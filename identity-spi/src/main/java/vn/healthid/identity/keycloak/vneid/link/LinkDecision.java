package vn.healthid.identity.keycloak.vneid.link;

import java.util.List;

/**
 * Whom a first VNeID login belongs to, decided on the national id alone (never the e-mail): nobody yet -> a new user;
 * exactly one user whose national id was proven (chip, or a VNeID level-2 login) and a level-2 login -> that user;
 * anything else is refused with a reason code. Pure: no Keycloak types.
 */
public sealed interface LinkDecision {

    /** A user holding the same national id attribute. */
    record Candidate(String userId, boolean chipVerified, boolean vneidLevel2Verified) {
        boolean proven() {
            return chipVerified || vneidLevel2Verified;
        }
    }

    record CreateUser() implements LinkDecision {}

    record LinkTo(String userId) implements LinkDecision {}

    record Refuse(String reason, String message) implements LinkDecision {}

    static LinkDecision decide(int accountLevel, List<Candidate> sameNationalId) {
        if (sameNationalId.isEmpty()) {
            return new CreateUser();
        }
        if (sameNationalId.size() > 1) {
            return new Refuse(
                    "VNEID_LINK_AMBIGUOUS",
                    "More than one account holds this national id, so your VNeID"
                            + " login cannot be joined to one of them. Please contact the service desk.");
        }
        Candidate only = sameNationalId.get(0);
        if (!only.proven()) {
            return new Refuse(
                    "VNEID_LINK_UNVERIFIED_ACCOUNT",
                    "An account with this national id exists but its identity"
                            + " was never proven. Sign in once with your chip card to confirm it.");
        }
        if (accountLevel < 2) {
            // A self-registered VNeID account must not take over an account whose identity was proven.
            return new Refuse(
                    "VNEID_LINK_NEEDS_LEVEL_2",
                    "Your account was verified with a chip card. Joining a VNeID"
                            + " login to it needs VNeID level 2, or sign in with your chip card.");
        }
        return new LinkTo(only.userId());
    }
}
