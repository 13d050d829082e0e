package vn.healthid.identity.keycloak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real Keycloak 26.7.3 (the distribution unpacked by Maven into target/) for the whole integration-test run:
 * the built extension jar and its libraries in providers/, the sandbox trust store in target/, the realm from
 * sandbox/realms imported at start, H2 in memory, random free ports. Stopped by a shutdown hook.
 */
public final class KeycloakServer {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "integration-tests-only";
    /** Refused proofs from one source address before it is locked (high enough that lost updates would show). */
    public static final int LOCKOUT_THRESHOLD = 5;
    /** Refused proofs in one browser login before it is locked. */
    public static final int SESSION_LOCKOUT_THRESHOLD = 3;
    /**
     * Per-address rate limits of the run, in one window of an hour (so that a burst almost never straddles two
     * windows; the tests detect it when it does). Per-client limits are left high: every test shares the clients.
     */
    public static final int RATE_WINDOW_SECONDS = 3600;

    public static final int CHALLENGES_PER_ADDRESS = 20;
    public static final int GRANTS_PER_ADDRESS = 30;
    public static final int PHONE_POSTS_PER_ADDRESS = 10;
    /** Below Keycloak's 128 KiB form-attribute cap, so that the extension's own limit answers on every endpoint. */
    public static final int MAX_BUNDLE_BYTES = 96 * 1024;
    /** This run's own keys for the ended-session listener on the shared Redis (the bridge's key prefix). */
    public static final String LOGOUT_KEY_PREFIX = "healthid-it-" + java.util.UUID.randomUUID() + ":";

    /**
     * The FHIR base URLs the run's authorization server accepts as SMART {@code aud} (the sandbox bridge's, and a second
     * one to show the option is a list).
     */
    public static final String FHIR_BASE = "http://localhost:8081/fhir";

    public static final String OTHER_FHIR_BASE = "https://fhir.healthid.example/fhir";

    private static KeycloakServer instance;

    private final String baseUrl;
    private final SandboxCards cards;

    private KeycloakServer(String baseUrl, SandboxCards cards) {
        this.baseUrl = baseUrl;
        this.cards = cards;
    }

    public static synchronized KeycloakServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String realmUrl() {
        return baseUrl + "/realms/health";
    }

    public SandboxCards cards() {
        return cards;
    }

    private static KeycloakServer start() throws IOException, InterruptedException {
        Path home = Path.of(required("healthid.keycloak.home"));
        Path work = home.getParent().getParent().resolve("keycloak-it");
        Files.createDirectories(work);
        SandboxCards cards = SandboxCards.create();
        Path trust = Files.writeString(work.resolve("trust.pem"), cards.pki().trustPem());
        Path crl = Files.writeString(work.resolve("crl.pem"), cards.pki().crlPem());

        Path providers = home.resolve("providers");
        clean(providers);
        Files.createDirectories(providers);
        Path jar = Path.of(required("healthid.extension.jar"));
        Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> libs = Files.list(Path.of(required("healthid.provider.libs")))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, providers.resolve(lib.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        clean(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(Path.of(required("healthid.realm.dir"), "health-realm.json"), imports.resolve("health-realm.json"));

        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + freePort(),
                "--db=dev-mem",
                "--import-realm",
                "--spi-healthid-chip--default--trust-pem=" + trust,
                "--spi-healthid-chip--default--crl=" + crl,
                "--spi-healthid-chip--default--lockout-threshold-address=" + LOCKOUT_THRESHOLD,
                "--spi-healthid-chip--default--lockout-threshold-session=" + SESSION_LOCKOUT_THRESHOLD,
                "--spi-healthid-chip--default--lockout-threshold-client=100000",
                "--spi-healthid-chip--default--rate-window=" + RATE_WINDOW_SECONDS,
                "--spi-healthid-chip--default--rate-challenge-address=" + CHALLENGES_PER_ADDRESS,
                "--spi-healthid-chip--default--rate-grant-address=" + GRANTS_PER_ADDRESS,
                "--spi-healthid-chip--default--rate-phone-address=" + PHONE_POSTS_PER_ADDRESS,
                "--spi-healthid-chip--default--rate-challenge-client=100000",
                "--spi-healthid-chip--default--rate-grant-client=100000",
                "--spi-healthid-chip--default--rate-phone-client=100000",
                // The tests play several source addresses through X-Forwarded-For, as the stack's proxy sets it.
                // Trusting the header is right only behind a proxy that overwrites it (docs/chip-login.md).
                "--proxy-headers=xforwarded",
                "--spi-healthid-chip--default--max-bundle-bytes=" + MAX_BUNDLE_BYTES,
                "--spi-events-listener--healthid-logout--key-prefix=" + LOGOUT_KEY_PREFIX,
                "--spi-client-policy-executor--healthid-smart-aud--fhir-base-urls=" + FHIR_BASE + "," + OTHER_FHIR_BASE,
                "--spi-login-protocol--openid-connect--req-token-params-default-max-size=300000"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        String baseUrl = "http://localhost:" + port;
        awaitRealm(process, baseUrl, work.resolve("keycloak.log"));
        return new KeycloakServer(baseUrl, cards);
    }

    private static void awaitRealm(Process process, String baseUrl, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI probe = URI.create(baseUrl + "/realms/health/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log);
            }
            try {
                HttpResponse<Void> response =
                        http.send(HttpRequest.newBuilder(probe).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(1000);
        }
        stop(process);
        throw new IllegalStateException("Keycloak did not serve the health realm in time; see " + log);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is set by the failsafe configuration");
        }
        return value;
    }
}
