package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant expiresAt = NOW.plus(Duration.ofMinutes(5));

    private final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .claim("sub", "s")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiresAt)
                .build();
    };

    private CachingJwtDecoder decoderAt(Instant now, int size) {
        return new CachingJwtDecoder(verifying, size, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verifiesASeenTokenOnlyOnce() {
        CachingJwtDecoder decoder = decoderAt(NOW, 10);
        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void neverCachesFailures() {
        CachingJwtDecoder decoder = decoderAt(NOW, 10);

        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void neverServesATokenPastItsExpiry() {
        expiresAt = NOW.plusSeconds(10);
        MutableClock clock = new MutableClock(NOW);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 10, Duration.ofSeconds(60), clock);
        decoder.decode("token-b");
        clock.now = NOW.plusSeconds(11);
        decoder.decode("token-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void staysWithinItsBound() {
        CachingJwtDecoder decoder = decoderAt(NOW, 2);
        decoder.decode("t1");
        decoder.decode("t2");
        decoder.decode("t3");
        decoder.decode("t1");

        assertThat(verifications).hasValue(4);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
