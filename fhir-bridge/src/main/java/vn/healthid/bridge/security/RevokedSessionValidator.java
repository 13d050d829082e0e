package vn.healthid.bridge.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.store.EndedSessions;

/**
 * Refuses a token whose Keycloak session ({@code sid}) has ended: 401 {@code invalid_token},
 * {@code TOKEN_SESSION_ENDED}. The Keycloak extension records every ended session in the shared
 * store (docs/sessions.md), so a logout reaches every replica at once. Runs after {@link
 * CachingJwtDecoder} ({@link #after}): a cached verification must not outlive a logout. A token
 * without {@code sid} (client credentials) has no session to end. Fails closed: when the store
 * does not answer, 503 {@code UNAVAILABLE} (the bridge's records live in the same store).
 */
@Component
public final class RevokedSessionValidator implements OAuth2TokenValidator<Jwt> {

    private final EndedSessions endedSessions;

    public RevokedSessionValidator(EndedSessions endedSessions) {
        this.endedSessions = endedSessions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String sid = jwt.getClaimAsString("sid");
        if (sid == null || sid.isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        boolean ended;
        try {
            ended = endedSessions.contains(sid);
        } catch (RuntimeException e) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("temporarily_unavailable", BridgeError.UNAVAILABLE.name(), null), e);
        }
        return ended
                ? OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", BridgeError.TOKEN_SESSION_ENDED.name(), null))
                : OAuth2TokenValidatorResult.success();
    }

    /** {@code verified}, then this check on every request, cached verification or not. */
    public JwtDecoder after(JwtDecoder verified) {
        return token -> {
            Jwt jwt = verified.decode(token);
            OAuth2TokenValidatorResult result = validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException(BridgeError.TOKEN_SESSION_ENDED.name(), result.getErrors());
            }
            return jwt;
        };
    }
}
