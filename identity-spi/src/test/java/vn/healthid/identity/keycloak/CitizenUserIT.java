package vn.healthid.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.support.KeycloakServer;
import vn.healthid.identity.keycloak.support.Oidc;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;

/** Users are keyed by the national id, created by the first chip login, and rewritten only by a newer card. */
class CitizenUserIT {

    private static KeycloakServer server;
    private static Oidc oidc;

    @BeforeAll
    static void startKeycloak() {
        server = KeycloakServer.get();
        oidc = new Oidc(server);
    }

    @Test
    void firstChipLoginCreatesOneUserWithTheVerifiedAttributesAndNoEmail() {
        Citizen citizen = server.cards().freshCitizen();
        login(citizen);
        login(citizen);

        JsonNode users = usersWith(citizen.number());
        assertThat(users).hasSize(1);
        JsonNode user = users.get(0);
        assertThat(user.get("username").asText()).matches("p[a-z2-7]{32}");
        assertThat(user.has("email")).isFalse();
        assertThat(user.at("/attributes/birthdate/0").asText())
                .isEqualTo(citizen.dateOfBirth().toString());
        assertThat(user.at("/attributes/gender/0").asText())
                .isEqualTo(citizen.sex().name().toLowerCase());
    }

    @Test
    void parallelFirstLoginsOfOneCardAllLogInAndMakeOneUser() throws Exception {
        Citizen citizen = server.cards().freshCitizen();
        int logins = 6;
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            bundles.add(server.cards()
                    .issue(citizen, CardSpec.defaults())
                    .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Future<Oidc.Response>> responses = new ArrayList<>();
            for (String bundle : bundles) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return oidc.chipGrant(bundle);
                }));
            }
            start.countDown();
            for (Future<Oidc.Response> response : responses) {
                Oidc.Response r = response.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(usersWith(citizen.number())).hasSize(1);
    }

    @Test
    void chipLoginFindsAnAccountAnAdministratorNamedOtherwiseByItsNationalId() {
        Citizen citizen = server.cards().freshCitizen();
        String username = "desk-" + citizen.number().substring(6);
        assertThat(oidc.adminPost(
                        "/users",
                        "{\"username\":\"" + username + "\",\"enabled\":true,\"firstName\":\"A\",\"lastName\":\"B\","
                                + "\"attributes\":{\"national_id\":[\"" + citizen.number() + "\"]}}"))
                .isEqualTo(201);

        login(citizen);

        JsonNode users = usersWith(citizen.number());
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("username").asText()).isEqualTo(username);
    }

    @Test
    void onlyACardIssuedLaterRewritesTheIdentity() {
        Citizen citizen = server.cards().freshCitizen();
        login(renamed(citizen, "Lê Văn Cũ", LocalDate.now().minusYears(3)));
        login(renamed(citizen, "Lê Văn Cũ Hơn", LocalDate.now().minusYears(5)));
        assertThat(usersWith(citizen.number()).get(0).get("firstName").asText()).isEqualTo("Văn Cũ");

        login(renamed(citizen, "Lê Văn Mới", LocalDate.now().minusYears(1)));

        assertThat(usersWith(citizen.number()).get(0).get("firstName").asText()).isEqualTo("Văn Mới");
    }

    @Test
    void genuineCardOfADisabledUserIsRefused() {
        Citizen citizen = server.cards().freshCitizen();
        login(citizen);
        String id = usersWith(citizen.number()).get(0).get("id").asText();
        assertThat(oidc.adminPut("/users/" + id, "{\"enabled\":false}")).isEqualTo(204);

        String bundle = server.cards()
                .issue(citizen, CardSpec.defaults())
                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));
        Oidc.Response response = oidc.chipGrant(bundle);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error_description").asText()).isEqualTo("USER_DISABLED");
    }

    @Test
    void identityAttributesAreEditableByAdminsOnly() {
        JsonNode profile = oidc.adminGet("/users/profile");
        for (String name : new String[] {"national_id", "birthdate", "gender", "firstName", "lastName"}) {
            JsonNode attribute = null;
            for (JsonNode a : profile.get("attributes")) {
                if (a.get("name").asText().equals(name)) {
                    attribute = a;
                }
            }
            assertThat(attribute).as(name).isNotNull();
            assertThat(attribute.at("/permissions/edit").toString()).as(name).isEqualTo("[\"admin\"]");
        }
    }

    private static JsonNode usersWith(String nationalId) {
        return oidc.adminGet("/users?briefRepresentation=false&q=national_id:" + nationalId);
    }

    private static void login(Citizen citizen) {
        String bundle = server.cards()
                .issue(citizen, CardSpec.defaults())
                .bundleJson(oidc.challenge(Oidc.CLINIC, Oidc.CLINIC_SECRET));
        Oidc.Response response = oidc.chipGrant(bundle);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static Citizen renamed(Citizen c, String fullName, LocalDate issued) {
        return new Citizen(
                c.number(),
                fullName,
                c.dateOfBirth(),
                c.sex(),
                c.nationality(),
                c.ethnicity(),
                c.religion(),
                c.placeOfOrigin(),
                c.placeOfResidence(),
                c.identifyingFeatures(),
                issued,
                c.dateOfExpiry(),
                c.fatherName(),
                c.motherName(),
                c.spouseName(),
                c.oldIdNumber(),
                c.bhxhNumber());
    }
}
