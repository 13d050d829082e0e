package vn.healthid.bridge.security;

import java.util.Optional;

/**
 * The clerk's own token a clinic sends beside the citizen's ({@link #HEADER}), verified by Spring
 * Security like the bearer token ({@link StaffTokenFilter}). A feature that needs it asks
 * {@link Caller#staff()}; a request without the header is not refused for it.
 *
 * @param state absent, invalid (signature, issuer, audience, expiry...) or valid
 * @param clientId the clinic client that asked for the clerk's token ({@code azp})
 * @param subject the clerk's {@code sub}, empty when the token names none
 * @param fhirUser the clerk's {@code fhirUser}, empty when the token names none
 * @param familyName the clerk's {@code family_name}
 * @param givenName the clerk's {@code given_name}
 * @param name the clerk's {@code name}
 * @param nationalId the clerk's {@code national_id}
 */
public record StaffProof(
        State state,
        String clientId,
        Optional<String> subject,
        Optional<String> fhirUser,
        Optional<String> familyName,
        Optional<String> givenName,
        Optional<String> name,
        Optional<String> nationalId) {

    public static final String HEADER = "X-Staff-Token";

    public enum State {
        ABSENT,
        INVALID,
        VALID
    }

    static final StaffProof ABSENT = empty(State.ABSENT);

    /** No staff token sent (for callers built outside a request). */
    public static final StaffProof ABSENT_PROOF = ABSENT;

    static final StaffProof INVALID = empty(State.INVALID);

    private static StaffProof empty(State state) {
        return new StaffProof(
                state,
                null,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Override
    public String toString() {
        return "StaffProof[" + state + ", client=" + clientId + "]";
    }
}
