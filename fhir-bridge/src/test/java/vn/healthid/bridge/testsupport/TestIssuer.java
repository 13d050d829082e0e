package vn.healthid.bridge.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Keycloak realm in tests: real RSA and EC keys generated here, their JWKS and
 * an OpenID discovery document served over HTTP by the JDK's HttpServer on loopback, and a
 * {@link TokenBuilder} that signs real tokens. One per JVM ({@link #shared()}), so every Spring
 * test shares one application context.
 */
public final class TestIssuer {

    public static final String REALM_PATH = "/realms/health";

    private static TestIssuer shared;

    private final HttpServer server;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger keyCounter = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile RSAKey rsaKey;
    private final ECKey ecKey;

    private TestIssuer() {
        try {
            rsaKey = newRsaKey();
            ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            published.add(rsaKey.toPublicJWK());
            published.add(ecKey.toPublicJWK());
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, new JWKSet(List.copyOf(published)).toString(true));
        });
        server.createContext(
                REALM_PATH + "/.well-known/openid-configuration", exchange -> respond(exchange, discovery()));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.stop(0)));
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** A token signed with the current RSA key, with the claims of a valid access token. */
    public TokenBuilder token() {
        return new TokenBuilder(issuer(), rsaKey, ecKey);
    }

    /** Publishes a new RSA key and signs with it from now on (the old key stays published). */
    public void rotate() {
        try {
            rsaKey = newRsaKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        published.add(rsaKey.toPublicJWK());
    }

    /** A key that is never published, for tokens the bridge must reject. */
    public RSAKey unpublishedKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("rogue-" + keyCounter.incrementAndGet())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public int jwksRequests() {
        return jwksRequests.get();
    }

    private RSAKey newRsaKey() throws JOSEException {
        return new RSAKeyGenerator(2048)
                .keyID("rsa-" + keyCounter.incrementAndGet())
                .generate();
    }

    private String discovery() {
        String issuer = issuer();
        return """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "introspection_endpoint":"%1$s/protocol/openid-connect/token/introspect",
                 "revocation_endpoint":"%1$s/protocol/openid-connect/revoke",
                 "code_challenge_methods_supported":["plain","S256"],
                 "scopes_supported":["openid","profile","email","acr","fhirUser","launch","launch/patient",
                   "patient/Patient.rs","patient/Appointment.cruds","user/Patient.rs","system/Patient.rs",
                   "patient/Questionnaire.rs","patient/Patient.read","roles"]}
                """.formatted(issuer);
    }

    private static void respond(HttpExchange exchange, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
