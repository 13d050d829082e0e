package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.store.EndedSessions;
import vn.healthid.bridge.store.memory.MemoryEndedSessions;

class RevokedSessionValidatorTest {

    private final MemoryEndedSessions ended = new MemoryEndedSessions(Clock.systemUTC());

    private static Jwt token(String sid) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("user-1")
                .expiresAt(Instant.now().plusSeconds(300));
        return sid == null ? builder.build() : builder.claim("sid", sid).build();
    }

    @Test
    void refusesATokenOfAnEndedSessionEvenWhenItsVerificationIsCached() {
        ended.add("sid-1", "LOGOUT", Duration.ofMinutes(5));
        var decoder = new RevokedSessionValidator(ended).after(value -> token("sid-1"));

        assertThatThrownBy(() -> decoder.decode("t"))
                .isInstanceOfSatisfying(
                        JwtValidationException.class,
                        e -> assertThat(e.getErrors()).anySatisfy(error -> {
                            assertThat(error.getErrorCode()).isEqualTo("invalid_token");
                            assertThat(error.getDescription()).isEqualTo("TOKEN_SESSION_ENDED");
                        }));
    }

    @Test
    void acceptsATokenWithoutSessionOrOfALiveSession() {
        ended.add("sid-1", "LOGOUT", Duration.ofMinutes(5));
        var validator = new RevokedSessionValidator(ended);

        assertThat(validator.validate(token(null)).hasErrors()).isFalse();
        assertThat(validator.validate(token("sid-2")).hasErrors()).isFalse();
    }

    @Test
    void failsClosedWithUnavailableWhenTheStoreDoesNotAnswer() {
        EndedSessions down = new EndedSessions() {
            @Override
            public boolean contains(String sid) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void add(String sid, String reason, Duration ttl) {
                throw new IllegalStateException("connection refused");
            }
        };
        var validator = new RevokedSessionValidator(down);

        assertThatThrownBy(() -> validator.validate(token("sid-1")))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        e -> assertThat(FhirAuthenticationEntryPoint.classify(e))
                                .isEqualTo(BridgeError.UNAVAILABLE));
        assertThat(BridgeError.UNAVAILABLE.status()).isEqualTo(503);
    }
}
