package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import vn.healthid.bridge.config.SecurityProperties;
import vn.healthid.bridge.coverage.MutableClock;
import vn.healthid.bridge.store.memory.MemoryEndedSessions;

/**
 * Forged tokens with ever new {@code kid}s must not make the bridge fetch the realm's JWKS for each
 * of them (issue 14 item 9). The decoder is the bridge's own bean, against a JWKS this test serves
 * and counts.
 */
class JwksRefetchLimitTest {

    private static final String AUDIENCE = "fhir-bridge";

    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.now());
    private HttpServer server;
    private String issuer;
    private RSAKey signing;

    @BeforeEach
    void serveJwks() throws Exception {
        signing = key("realm-1");
        published.add(signing.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/health/protocol/openid-connect/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(List.copyOf(published)).toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/health";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void forgedTokensWithFreshKidsCauseAtMostOneJwksFetch() throws Exception {
        JwtDecoder decoder = decoder();
        decoder.decode(token(signing));
        int afterFirst = fetches.get();

        RSAKey attacker = key("forged");
        for (int i = 0; i < 50; i++) {
            String forged =
                    token(new RSAKey.Builder(attacker).keyID("forged-" + i).build());
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        }

        assertThat(afterFirst).isEqualTo(1);
        assertThat(fetches.get() - afterFirst).isLessThanOrEqualTo(1);
    }

    @Test
    void aRotatedKeyIsPickedUpOnceTheIntervalHasPassed() throws Exception {
        JwtDecoder decoder = decoder();
        decoder.decode(token(signing));
        assertThatThrownBy(() -> decoder.decode(token(key("forged")))).isInstanceOf(JwtException.class);
        RSAKey rotated = key("realm-2");
        published.add(rotated.toPublicJWK());

        clock.advance(Duration.ofSeconds(31));

        assertThat(decoder.decode(token(rotated)).getSubject()).isEqualTo("user-1");
        assertThat(decoder.decode(token(signing)).getSubject()).isEqualTo("user-1");
    }

    @Test
    void aKeyRemovedFromTheRealmStopsVerifyingAfterTheMaximumAge() throws Exception {
        JwtDecoder decoder = decoder();
        String old = token(signing);
        decoder.decode(old);
        RSAKey rotated = key("realm-2");
        published.clear();
        published.add(rotated.toPublicJWK());

        clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> decoder.decode(token(signing))).isInstanceOf(JwtException.class);
        assertThat(decoder.decode(token(rotated)).getSubject()).isEqualTo("user-1");
    }

    private JwtDecoder decoder() {
        SecurityProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "healthid.security.issuer", issuer,
                        "healthid.security.token-cache-size", "0",
                        "healthid.security.jwks-refetch-min-interval", "30s",
                        "healthid.security.jwks-max-age", "5m")))
                .bindOrCreate("healthid.security", SecurityProperties.class);
        return new SecurityConfiguration()
                .jwtDecoder(properties, clock, new RevokedSessionValidator(new MemoryEndedSessions(clock)));
    }

    private String token(RSAKey key) throws JOSEException {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("user-1")
                .claim("typ", "Bearer")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey key(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }
}
