package vn.healthid.bridge.security;

import java.util.Optional;
import vn.healthid.bridge.smart.GrantedScopes;

/**
 * Who is calling, from a verified access token.
 *
 * @param subject the token's {@code sub}
 * @param clientId {@code azp}, the client that asked for the token
 * @param scopes the SMART scopes granted
 * @param patientId the citizen's Patient id from {@code fhirUser}, when the token is a citizen's
 * @param citizen the verified identity claims of that citizen (present with {@code patientId})
 * @param acr the authentication context class reached, empty when absent
 * @param actorClientId {@code act.client_id} on clinic back-channel tokens
 */
public record Caller(
        String subject,
        String clientId,
        GrantedScopes scopes,
        Optional<String> patientId,
        Optional<CitizenClaims> citizen,
        Optional<String> acr,
        Optional<String> actorClientId) {

    public boolean isCitizen() {
        return patientId.isPresent();
    }
}
