package vn.healthid.identity.keycloak.vneid.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The VNeID stand-in (module sandbox/vneid) for the integration tests, loaded from its runnable jar in an isolated
 * class loader in this JVM (no extra process) and steered over its control endpoint. The relying-party key pair is
 * generated here: the public half goes to the stand-in, the private half to Keycloak's identity provider.
 */
final class StandIn implements AutoCloseable {

    private final AutoCloseable server;
    private final String baseUrl;
    private final String privateKeyPem;
    private final HttpClient http = HttpClient.newHttpClient();

    private StandIn(AutoCloseable server, String baseUrl, String privateKeyPem) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.privateKeyPem = privateKeyPem;
    }

    static StandIn start(Path work) {
        Path jar = Path.of(System.getProperty("healthid.realm.dir"))
                .resolveSibling("vneid")
                .resolve("target/vneid-standin.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the VNeID stand-in first (module sandbox/vneid): missing " + jar);
        }
        try {
            KeyPair pair = rsa();
            Path publicKey = Files.writeString(
                    work.resolve("vneid-rp-public.pem"),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            int port = freePort();
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader); // WireMock and Jetty look services up through it
            Object server;
            try {
                server = loader.loadClass("vn.healthid.sandbox.vneid.VneidStandInMain")
                        .getMethod("start", String[].class)
                        .invoke(null, (Object) new String[] {
                            "--port",
                            String.valueOf(port),
                            "--rp-public-key",
                            publicKey.toString(),
                            "--population",
                            "10"
                        });
            } finally {
                thread.setContextClassLoader(previous);
            }
            return new StandIn(
                    (AutoCloseable) server,
                    "http://127.0.0.1:" + port,
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the VNeID stand-in did not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String privateKeyPem() {
        return privateKeyPem;
    }

    void register(String pid, String fullName, String birthDate, int level) {
        control(Map.of(
                "action",
                "register",
                "pid",
                pid,
                "fullName",
                fullName,
                "birthDate",
                birthDate,
                "level",
                String.valueOf(level)));
    }

    void signInAs(String pid) {
        control(Map.of("action", "sign-in-as", "pid", pid));
    }

    void fault(String mode) {
        control(Map.of("action", "fault", "mode", mode));
    }

    private void control(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(KeycloakAdmin.enc(k) + "=" + KeycloakAdmin.enc(v)));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/__standin/control"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stand-in control refused: " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
