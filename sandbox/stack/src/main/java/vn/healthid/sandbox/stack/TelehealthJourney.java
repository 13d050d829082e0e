package vn.healthid.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A teleconsultation app (public client, PKCE) logs the citizen in, books a video session, a doctor accepts it, and the
 * citizen gets a single-use join ticket.
 */
final class TelehealthJourney {

    private final DemoJourneys.Stack stack;

    TelehealthJourney(DemoJourneys.Stack stack) {
        this.stack = stack;
    }

    void run(JourneyReport report) {
        Http browser = new Http();
        if (!servesAppointments(browser)) {
            report.notBuilt("Appointment is not in the bridge's CapabilityStatement");
            return;
        }
        Realm realm = stack.realm();
        Realm.BrowserLogin login = realm.browserLogin(
                browser,
                Sandbox.TELEHEALTH,
                Sandbox.REDIRECT,
                "openid fhirUser patient/Appointment.cruds patient/Encounter.rs",
                "urn:vn:healthid:acr:chip-aa",
                new KioskReader(stack.card(5)));
        String citizen = login.tokens().path("access_token").asText();
        String patient = Realm.claims(citizen).path("fhirUser").asText();
        report.step("%s: PKCE login with the chip -> acr=%s %s"
                .formatted(Sandbox.TELEHEALTH, Realm.claims(citizen).path("acr").asText(), patient));

        JsonNode booked = browser.postFhir(
                        stack.fhir() + "/Appointment",
                        Teleconsultation.proposal(patient).toString(),
                        auth(citizen))
                .expect(201, "book a session")
                .json();
        String id = booked.path("id").asText();
        report.step("booked Appointment/%s: status %s, version %s"
                .formatted(
                        id,
                        booked.path("status").asText(),
                        booked.at("/meta/versionId").asText()));

        Http staff = new Http();
        String doctor = realm.passwordToken(
                        staff,
                        Sandbox.CLINIC,
                        Sandbox.CLINIC_SECRET,
                        Sandbox.DOCTOR,
                        Sandbox.DOCTOR_PASSWORD,
                        "openid user/Appointment.cruds user/Encounter.rs")
                .path("access_token")
                .asText();
        ObjectNode accepted = (ObjectNode) booked.deepCopy();
        accepted.put("status", "booked");
        ((ArrayNode) accepted.withArray("participant"))
                .addObject()
                .put("status", "accepted")
                .putObject("actor")
                .put("reference", Realm.claims(doctor).path("fhirUser").asText());
        JsonNode afterAccept = staff.putFhir(
                        stack.fhir() + "/Appointment/" + id,
                        accepted.toString(),
                        "Authorization",
                        "Bearer " + doctor,
                        "If-Match",
                        "W/\"" + booked.at("/meta/versionId").asText() + "\"")
                .expect(200, "the doctor accepts")
                .json();
        report.step("%s accepted: status %s"
                .formatted(Sandbox.DOCTOR, afterAccept.path("status").asText()));

        JsonNode join = browser.postFhir(
                        stack.fhir() + "/Appointment/" + id + "/$join",
                        "{\"resourceType\":\"Parameters\"}",
                        auth(citizen))
                .expect(200, "join")
                .json();
        String ticket = parameter(join, "ticket");
        report.step("join ticket %s... (single use, expires %s), session %s"
                .formatted(
                        ticket.substring(0, Math.min(6, ticket.length())),
                        parameter(join, "expires"),
                        parameter(join, "sessionUrl").replace(ticket, "<ticket>")));
    }

    private boolean servesAppointments(Http http) {
        JsonNode capability = http.get(stack.fhir() + "/metadata", "Accept", "application/fhir+json")
                .expect(200, "CapabilityStatement")
                .json();
        for (JsonNode resource : capability.at("/rest/0/resource")) {
            if ("Appointment".equals(resource.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters.path("parameter")) {
            if (name.equals(p.path("name").asText())) {
                for (var field : new String[] {"valueString", "valueInstant", "valueUrl", "valueUri"}) {
                    if (p.has(field)) {
                        return p.path(field).asText();
                    }
                }
            }
        }
        throw new DemoFailure("the join answer has no " + name);
    }

    private static String[] auth(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
