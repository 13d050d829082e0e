package vn.healthid.sandbox.stack.cluster;

import static vn.healthid.sandbox.stack.cluster.ClusterChecks.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.healthid.sandbox.stack.DemoFailure;
import vn.healthid.sandbox.stack.Http;
import vn.healthid.sandbox.stack.Realm;
import vn.healthid.sandbox.stack.Sandbox;
import vn.healthid.sandbox.stack.Teleconsultation;

/** What two bridge replicas must agree on: join tickets are single use, and one gateway call serves many checks. */
final class BridgeChecks {

    static final String VIDEO_SERVICE = "video-service";

    private final Cluster cluster;
    private final ClusterEnv env;

    BridgeChecks(Cluster cluster) {
        this.cluster = cluster;
        this.env = cluster.env();
    }

    /** card 9: a join ticket redeemed on both replicas at the same moment is accepted exactly once. */
    String joinTicketOnceAcrossBridges() {
        String videoService = videoServiceToken();
        int trials = 5;
        Http browser = new Http();
        String citizen = new Realm(env.keycloak())
                .browserLogin(
                        browser,
                        Sandbox.TELEHEALTH,
                        Sandbox.REDIRECT,
                        "openid fhirUser patient/Appointment.cruds patient/Encounter.rs",
                        QrLogin.ACR_CHIP_AA,
                        env.card(9))
                .tokens()
                .path("access_token")
                .asText();
        String doctor =
                staffToken(Sandbox.DOCTOR, Sandbox.DOCTOR_PASSWORD, "openid user/Appointment.cruds user/Encounter.rs");
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < trials; i++) {
            String[] joined = bookAcceptJoin(browser, citizen, doctor);
            String body = redeemParameters(joined[1], joined[0]);
            List<Integer> statuses = Parallel.run(
                    2,
                    k -> new Http()
                            .postFhir(
                                    env.bridgeNode(k) + "/fhir/Appointment/$redeem-ticket",
                                    body,
                                    "Authorization",
                                    "Bearer " + videoService)
                            .status());
            statuses.forEach(s -> answers.merge("HTTP " + s, 1, Integer::sum));
            expect(
                    statuses.stream().filter(s -> s == 200).count() == 1,
                    "trial " + i + ": bridge-1 " + statuses.get(0) + ", bridge-2 " + statuses.get(1));
        }
        return trials + " tickets, each redeemed on both replicas at once: " + answers;
    }

    /**
     * card 8: 200 identical eligibility checks at once, 100 per replica, with nothing cached: the gateway answers one
     * card check (the replicas share one lock in the store).
     */
    String identicalChecksMakeOneGatewayCall() {
        Http http = new Http();
        JsonNode tokens = Chip.from("127.0.0.1") // through the balancer: it overwrites the address
                .login(env.keycloak(), env.card(8))
                .expect(200, "citizen token")
                .json();
        String citizen = tokens.path("access_token").asText();
        String patient = Realm.claims(citizen).path("fhirUser").asText();
        String clerk = staffToken(Sandbox.CLERK, Sandbox.CLERK_PASSWORD, "openid profile");
        long removed = forgetCachedAnswers();
        long before = cluster.gatewayCardChecks();
        String body = submission(eligibilityRequest(patient)).toString();
        Map<Integer, Long> statuses = Parallel.run(
                        200,
                        i -> new Http()
                                .postFhir(
                                        env.bridgeNode(i % 2) + "/fhir/CoverageEligibilityRequest/$submit",
                                        body,
                                        "Authorization",
                                        "Bearer " + citizen,
                                        "X-Staff-Token",
                                        clerk)
                                .status())
                .stream()
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        long calls = cluster.gatewayCardChecks() - before;
        expect(
                calls == 1 && statuses.keySet().stream().allMatch(s -> s == 200),
                "200 checks over both replicas: answers " + statuses + ", gateway card checks " + calls);
        return "200 identical checks (100 per replica, " + removed + " cached answers removed first): answers "
                + statuses + ", gateway card checks: 1";
    }

    /** Removes the bridges' cached gateway answers (this cluster's own Redis), so the next check is uncached. */
    private long forgetCachedAnswers() {
        long removed = 0;
        String cursor = "0";
        do {
            List<?> page = (List<?>) cluster.redis("SCAN", cursor, "MATCH", "healthid:cache:*", "COUNT", "1000");
            cursor = (String) page.get(0);
            for (Object key : (List<?>) page.get(1)) {
                removed += (Long) cluster.redis("DEL", (String) key);
            }
        } while (!cursor.equals("0"));
        return removed;
    }

    private String staffToken(String user, String password, String scope) {
        return new Realm(env.keycloak())
                .passwordToken(new Http(), Sandbox.CLINIC, Sandbox.CLINIC_SECRET, user, password, scope)
                .path("access_token")
                .asText();
    }

    /** The video service's token (client credentials); its secret read through the admin API. */
    private String videoServiceToken() {
        Http http = new Http();
        String admin = cluster.adminToken(env.node(0));
        String[] auth = {"Authorization", "Bearer " + admin};
        JsonNode clients = http.get(env.node(0) + "/admin/realms/health/clients?clientId=" + VIDEO_SERVICE, auth)
                .expect(200, "client search")
                .json();
        if (clients.isEmpty()) {
            throw new DemoFailure("the health realm has no " + VIDEO_SERVICE + " client");
        }
        String secret = http.get(
                        env.node(0) + "/admin/realms/health/clients/"
                                + clients.path(0).path("id").asText() + "/client-secret",
                        auth)
                .expect(200, "client secret")
                .json()
                .path("value")
                .asText();
        return http.postForm(
                        new Realm(env.keycloak()).tokenUrl(),
                        Map.of(
                                "grant_type", "client_credentials",
                                "client_id", VIDEO_SERVICE,
                                "client_secret", secret))
                .expect(200, "video service token")
                .json()
                .path("access_token")
                .asText();
    }

    /** Books a session as the citizen, the doctor accepts it, the citizen joins: {appointment id, ticket}. */
    private String[] bookAcceptJoin(Http browser, String citizen, String doctor) {
        String patient = Realm.claims(citizen).path("fhirUser").asText();
        JsonNode booked = browser.postFhir(
                        env.bridge() + "/fhir/Appointment",
                        Teleconsultation.proposal(patient).toString(),
                        "Authorization",
                        "Bearer " + citizen)
                .expect(201, "book a session")
                .json();
        String id = booked.path("id").asText();
        ObjectNode accepted = booked.deepCopy();
        accepted.put("status", "booked");
        ((ArrayNode) accepted.withArray("participant"))
                .addObject()
                .put("status", "accepted")
                .putObject("actor")
                .put("reference", Realm.claims(doctor).path("fhirUser").asText());
        new Http()
                .putFhir(
                        env.bridge() + "/fhir/Appointment/" + id,
                        accepted.toString(),
                        "Authorization",
                        "Bearer " + doctor,
                        "If-Match",
                        "W/\"" + booked.at("/meta/versionId").asText() + "\"")
                .expect(200, "the doctor accepts");
        JsonNode join = browser.postFhir(
                        env.bridge() + "/fhir/Appointment/" + id + "/$join",
                        "{\"resourceType\":\"Parameters\"}",
                        "Authorization",
                        "Bearer " + citizen)
                .expect(200, "join")
                .json();
        for (JsonNode p : join.path("parameter")) {
            if ("ticket".equals(p.path("name").asText())) {
                return new String[] {id, p.path("valueString").asText()};
            }
        }
        throw new DemoFailure("the join answer has no ticket");
    }

    private static String redeemParameters(String ticket, String appointment) {
        ObjectNode parameters = Http.JSON.createObjectNode().put("resourceType", "Parameters");
        ArrayNode list = parameters.putArray("parameter");
        list.addObject().put("name", "ticket").put("valueString", ticket);
        list.addObject().put("name", "appointment").put("valueString", appointment);
        return parameters.toString();
    }

    /** The reception check is the operation {@code $submit} with the request as its {@code resource} (docs/fhir-api.md). */
    static ObjectNode submission(ObjectNode request) {
        ObjectNode parameters = Http.JSON.createObjectNode();
        parameters.put("resourceType", "Parameters");
        parameters.putArray("parameter").addObject().put("name", "resource").set("resource", request);
        return parameters;
    }

    static ObjectNode eligibilityRequest(String patient) {
        ObjectNode request = Http.JSON.createObjectNode();
        request.put("resourceType", "CoverageEligibilityRequest");
        request.put("status", "active");
        request.putArray("purpose").add("validation").add("benefits");
        request.putObject("patient").put("reference", patient);
        request.put("created", LocalDate.now().toString());
        request.putObject("insurer").put("display", "Vietnam Social Security (BHXH)");
        request.putObject("facility")
                .putObject("identifier")
                .put("system", Sandbox.FACILITY_SYSTEM)
                .put("value", "79071");
        return request;
    }
}
