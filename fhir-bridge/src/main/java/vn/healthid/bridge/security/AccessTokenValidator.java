package vn.healthid.bridge.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.ErrorCode;

/**
 * The claim checks of an access token, each failing with its own stable code (carried as the
 * OAuth2 error description): header {@code typ}, {@code typ} claim {@code Bearer} (a logout or ID
 * token is not an access token, GHSA-7fpj-9hr8-28vh), issuer, audience, {@code exp} required and
 * {@code exp}/{@code nbf} with a small skew.
 */
public final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final Set<String> HEADER_TYPES = Set.of("JWT", "at+jwt", "application/at+jwt");

    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Clock clock;

    public AccessTokenValidator(String issuer, String audience, Duration skew, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object headerType = jwt.getHeaders().get("typ");
        if (headerType != null && !HEADER_TYPES.contains(headerType.toString())) {
            return fail(BridgeError.TOKEN_WRONG_TYPE);
        }
        if (!"Bearer".equals(jwt.getClaimAsString("typ"))) {
            return fail(BridgeError.TOKEN_WRONG_TYPE);
        }
        if (!issuer.equals(jwt.getClaimAsString("iss"))) {
            return fail(BridgeError.TOKEN_WRONG_ISSUER);
        }
        List<String> audiences = jwt.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            return fail(BridgeError.TOKEN_WRONG_AUDIENCE);
        }
        Instant now = clock.instant();
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return fail(BridgeError.TOKEN_INVALID);
        }
        if (!now.isBefore(expiresAt.plus(skew))) {
            return fail(BridgeError.TOKEN_EXPIRED);
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && now.isBefore(notBefore.minus(skew))) {
            return fail(BridgeError.TOKEN_NOT_YET_VALID);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult fail(ErrorCode code) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", code.name(), null));
    }
}
