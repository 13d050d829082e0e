package vn.healthid.identity.keycloak.vneid.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.healthid.identity.keycloak.support.KeycloakServer;

/**
 * Adds VNeID to the shared test Keycloak once per test JVM, through the admin API (the harness imports only the
 * health realm): the vneid-sandbox realm, the first-broker-login flow, the identity providers, and a test client
 * whose browser flow honours {@code kc_idp_hint}. The provider entries mirror sandbox/realms/health-vneid-snippet.json.
 */
public final class VneidFixture {

    public static final String CLIENT = "vneid-it";
    public static final String REDIRECT = "http://127.0.0.1/vneid-it/callback";
    /** Standard OIDC against the vneid-sandbox realm, minimum level 2 (the health realm's default). */
    public static final String IDP_STANDARD = "it-vneid";
    /** Standard OIDC, minimum level 1. */
    public static final String IDP_LEVEL_1 = "it-vneid-l1";
    /** VNeID wire format against the stand-in. */
    public static final String IDP_WIRE = "it-vneid-wire";
    /** VNeID wire format whose token endpoint does not listen. */
    public static final String IDP_DOWN = "it-vneid-down";

    public static final String FIRST_BROKER_FLOW = "it vneid first broker login";
    static final String SANDBOX_REALM = "vneid-sandbox";
    static final String SANDBOX_PASSWORD = "sandbox";

    private static VneidFixture instance;

    private final KeycloakServer server;
    private final KeycloakAdmin admin;
    private final StandIn standIn;

    private VneidFixture(KeycloakServer server, KeycloakAdmin admin, StandIn standIn) {
        this.server = server;
        this.admin = admin;
        this.standIn = standIn;
    }

    public static synchronized VneidFixture get() {
        if (instance == null) {
            KeycloakServer server = KeycloakServer.get();
            KeycloakAdmin admin = new KeycloakAdmin(server.baseUrl());
            StandIn standIn = StandIn.start(workDir());
            VneidFixture fixture = new VneidFixture(server, admin, standIn);
            fixture.install();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    standIn.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
            instance = fixture;
        }
        return instance;
    }

    public KeycloakServer server() {
        return server;
    }

    KeycloakAdmin admin() {
        return admin;
    }

    StandIn standIn() {
        return standIn;
    }

    /** A user of the vneid-sandbox realm for this citizen at this VNeID level; returns the username. */
    String sandboxUser(String pid, String fullName, LocalDate birthDate, int level) {
        String username = "it-" + pid + "-" + level;
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put(
                "attributes",
                Map.of(
                        "citizenPid", List.of(pid),
                        "fullName", List.of(fullName),
                        "birthDate", List.of(birthDate.toString()),
                        "accountLevel", List.of(String.valueOf(level))));
        user.put("credentials", List.of(Map.of("type", "password", "value", SANDBOX_PASSWORD, "temporary", false)));
        admin.post("/" + SANDBOX_REALM + "/users", user).ok();
        return username;
    }

    /** Users of the health realm holding this national id. */
    List<JsonNode> healthUsers(String nationalId) {
        List<JsonNode> users = new ArrayList<>();
        admin.get("/health/users?briefRepresentation=false&q=national_id:" + nationalId)
                .ok()
                .json()
                .forEach(users::add);
        return users;
    }

    /** The identity-provider links of a health-realm user. */
    JsonNode federatedIdentities(String userId) {
        return admin.get("/health/users/" + userId + "/federated-identity").ok().json();
    }

    /** A health-realm user with this national id, created by an administrator (not by a chip or VNeID login). */
    void adminCreatedHealthUser(String username, String nationalId) {
        admin.post(
                        "/health/users",
                        Map.of(
                                "username",
                                username,
                                "enabled",
                                true,
                                "attributes",
                                Map.of("national_id", List.of(nationalId))))
                .ok();
    }

    private void install() {
        try {
            String realm = Files.readString(Path.of(System.getProperty("healthid.realm.dir"), "vneid-sandbox.json"));
            admin.post("", realm).ok();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        admin.post("/health/authentication/flows", flow(FIRST_BROKER_FLOW)).ok();
        addExecution(FIRST_BROKER_FLOW, "vneid-link-by-national-id", "REQUIRED");
        String browser = "vneid it browser";
        admin.post("/health/authentication/flows", flow(browser)).ok();
        addExecution(browser, "auth-cookie", "ALTERNATIVE");
        addExecution(browser, "identity-provider-redirector", "ALTERNATIVE");
        String sandbox = server.baseUrl() + "/realms/" + SANDBOX_REALM;
        admin.post("/health/identity-provider/instances", standard(IDP_STANDARD, sandbox, "2"))
                .ok();
        admin.post("/health/identity-provider/instances", standard(IDP_LEVEL_1, sandbox, "1"))
                .ok();
        admin.post("/health/identity-provider/instances", wire(IDP_WIRE, standIn.baseUrl() + "/oauth2/token"))
                .ok();
        admin.post(
                        "/health/identity-provider/instances",
                        wire(IDP_DOWN, "http://127.0.0.1:" + closedPort() + "/oauth2/token"))
                .ok();
        admin.post("/health/clients", testClient(flowId(browser))).ok();
    }

    private static Map<String, Object> flow(String alias) {
        return Map.of(
                "alias",
                alias,
                "providerId",
                "basic-flow",
                "topLevel",
                true,
                "builtIn",
                false,
                "description",
                "VNeID tests");
    }

    private void addExecution(String flowAlias, String provider, String requirement) {
        String path =
                "/health/authentication/flows/" + KeycloakAdmin.enc(flowAlias).replace("+", "%20") + "/executions";
        admin.post(path + "/execution", Map.of("provider", provider)).ok();
        for (JsonNode execution : admin.get(path).ok().json()) {
            if (provider.equals(execution.path("providerId").asText())) {
                ObjectNode update = (ObjectNode) execution;
                update.put("requirement", requirement);
                admin.put(path, update).ok();
            }
        }
    }

    private String flowId(String alias) {
        for (JsonNode flow : admin.get("/health/authentication/flows").ok().json()) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow.get("id").asText();
            }
        }
        throw new IllegalStateException("no flow " + alias);
    }

    private static Map<String, Object> standard(String alias, String sandbox, String minimumLevel) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("clientId", "healthid-broker");
        config.put("clientSecret", "sandbox-vneid-broker-secret");
        config.put("clientAuthMethod", "client_secret_post");
        config.put("authorizationUrl", sandbox + "/protocol/openid-connect/auth");
        config.put("tokenUrl", sandbox + "/protocol/openid-connect/token");
        config.put("userInfoUrl", sandbox + "/protocol/openid-connect/userinfo");
        config.put("jwksUrl", sandbox + "/protocol/openid-connect/certs");
        config.put("issuer", sandbox);
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("defaultScope", "openid");
        config.put("vneidWireFormat", "STANDARD_OIDC");
        config.put("vneidMinimumLevel", minimumLevel);
        return provider(alias, config);
    }

    private Map<String, Object> wire(String alias, String tokenUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("clientId", "healthid-sandbox");
        config.put("clientSecret", "sandbox-vneid-client-secret");
        config.put("authorizationUrl", standIn.baseUrl() + "/oauth2/authorize");
        config.put("tokenUrl", tokenUrl);
        config.put("userInfoUrl", standIn.baseUrl() + "/oauth2/userinfo");
        config.put("validateSignature", "false");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("defaultScope", "openid");
        config.put("vneidWireFormat", "VNEID");
        config.put("vneidMinimumLevel", "2");
        config.put("vneidDecryptionKey", standIn.privateKeyPem());
        config.put("vneidContentCipher", "AES_GCM");
        config.put("vneidOaepDigest", "SHA_256");
        config.put("vneidCodeEncrypted", "true");
        config.put("vneidTimeoutMillis", "2000"); // the stand-in's SLOW fault answers after 8 s
        return provider(alias, config);
    }

    private static Map<String, Object> provider(String alias, Map<String, String> config) {
        Map<String, Object> idp = new LinkedHashMap<>();
        idp.put("alias", alias);
        idp.put("providerId", "vneid");
        idp.put("enabled", true);
        idp.put("trustEmail", false);
        idp.put("storeToken", false);
        idp.put("firstBrokerLoginFlowAlias", FIRST_BROKER_FLOW);
        idp.put("config", config);
        return idp;
    }

    /** A copy of patient-portal (same mappers and scopes) whose browser flow honours kc_idp_hint. */
    private JsonNode testClient(String browserFlowId) {
        JsonNode clients =
                admin.get("/health/clients?clientId=patient-portal").ok().json();
        ObjectNode client = (ObjectNode) clients.get(0);
        client.remove(List.of("id", "name"));
        client.withArray("protocolMappers").forEach(m -> ((ObjectNode) m).remove("id"));
        client.put("clientId", CLIENT);
        client.putArray("redirectUris").add(REDIRECT);
        // The portal's minimum level (2) would hide VNeID level 1, which these tests are about.
        ((ObjectNode) client.get("attributes")).remove("minimum.acr.value");
        client.putObject("authenticationFlowBindingOverrides").put("browser", browserFlowId);
        return client;
    }

    private static int closedPort() {
        try {
            return StandIn.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path workDir() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("healthid.keycloak.home"))
                    .getParent()
                    .getParent()
                    .resolve("vneid-it"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
