package vn.healthid.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import vn.healthid.sandbox.cards.Card;

/**
 * A clinic's reception: the citizen's card on the desk reader, a chip-present token for the citizen through the clinic
 * (back channel), the clerk's own token, then the insurance check at the bridge.
 */
final class ReceptionJourney {

    private final DemoJourneys.Stack stack;

    ReceptionJourney(DemoJourneys.Stack stack) {
        this.stack = stack;
    }

    void run(JourneyReport report) {
        Http http = new Http();
        Realm realm = stack.realm();
        JsonNode clerk = realm.passwordToken(
                http, Sandbox.CLINIC, Sandbox.CLINIC_SECRET, Sandbox.CLERK, Sandbox.CLERK_PASSWORD, "openid");
        report.step("clerk " + Sandbox.CLERK + " signed in to " + Sandbox.CLINIC);
        for (int number : new int[] {1, 2, 3}) {
            check(
                    report,
                    http,
                    realm,
                    stack.card(number),
                    clerk.path("access_token").asText());
        }
    }

    private void check(JourneyReport report, Http http, Realm realm, Card card, String clerkToken) {
        String nonce = realm.challenge(http, Sandbox.CLINIC, Sandbox.CLINIC_SECRET);
        JsonNode tokens = realm.chipToken(
                http,
                Sandbox.CLINIC,
                Sandbox.CLINIC_SECRET,
                card.bundleJson(nonce),
                "openid patient/Patient.rs patient/Coverage.rs patient/CoverageEligibilityRequest.c patient/Encounter.rs");
        JsonNode claims = Realm.claims(tokens.path("access_token").asText());
        String patient = claims.path("fhirUser").asText();
        report.step("card %s on the reader -> token acr=%s azp=%s act=%s %s, expires in %ss, refresh token: %s"
                .formatted(
                        card.citizen().maskedNumber(),
                        claims.path("acr").asText(),
                        claims.path("azp").asText(),
                        claims.path("act").path("client_id").asText(),
                        patient,
                        tokens.path("expires_in").asText(),
                        tokens.has("refresh_token") ? "yes" : "no"));
        // Opening the record registers the citizen at the bridge (docs/patient-id.md): later, with a public
        // app's token that carries no number, they can look up their own coverage (CitizenJourney).
        Http.Response record = http.get(
                stack.fhir() + "/" + patient,
                "Authorization",
                "Bearer " + tokens.path("access_token").asText(),
                "Accept",
                "application/fhir+json");
        report.step("   patient record: HTTP " + record.status());
        Http.Response answer = http.postFhir(
                stack.fhir() + "/CoverageEligibilityRequest/$submit",
                submission(request(patient)).toString(),
                "Authorization",
                "Bearer " + tokens.path("access_token").asText(),
                "X-Staff-Token",
                clerkToken);
        if (answer.status() == 404 || answer.status() == 405) {
            report.notBuilt("the eligibility check at the bridge (HTTP " + answer.status() + ")");
            return;
        }
        if (answer.status() != 200) {
            throw new DemoFailure("eligibility check: HTTP " + answer.status() + " " + Http.abbreviate(answer.body()));
        }
        JsonNode response = answer.json();
        JsonNode insurance = response.path("insurance").path(0);
        report.step("   eligibility: %s | in force: %s | BHYT pays: %s | registered facility here: %s"
                .formatted(
                        response.path("disposition").asText(),
                        insurance.path("inforce").asText("-"),
                        benefitPercent(insurance),
                        registeredHere(insurance)));
        history(report, http, patient, tokens.path("access_token").asText(), clerkToken);
    }

    /** The treatment history the gateway keeps for the card, as the bridge's Encounters. */
    private void history(JourneyReport report, Http http, String patient, String citizenToken, String clerkToken) {
        Http.Response answer = http.get(
                stack.fhir() + "/" + patient + "/$bhyt-history",
                "Authorization",
                "Bearer " + citizenToken,
                "X-Staff-Token",
                clerkToken,
                "Accept",
                "application/fhir+json");
        if (answer.status() == 422) {
            report.step("   treatment history: refused, "
                    + answer.json().at("/issue/0/details/text").asText());
            return;
        }
        if (answer.status() != 200) {
            throw new DemoFailure("treatment history: HTTP " + answer.status() + " " + Http.abbreviate(answer.body()));
        }
        JsonNode entries = answer.json().path("entry");
        String first = entries.isEmpty()
                ? ""
                : " (latest: " + entries.path(0).at("/resource/period/start").asText() + " "
                        + entries.path(0).at("/resource/reasonCode/0/text").asText() + ")";
        report.step("   treatment history: %d Encounter(s)%s".formatted(entries.size(), first));
    }

    /** The operation's input (docs/fhir-api.md): Parameters with the request as {@code resource}. */
    private static ObjectNode submission(ObjectNode request) {
        ObjectNode parameters = Http.JSON.createObjectNode();
        parameters.put("resourceType", "Parameters");
        parameters.putArray("parameter").addObject().put("name", "resource").set("resource", request);
        return parameters;
    }

    private static ObjectNode request(String patient) {
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
                .put("value", GatewayPopulationCommand.CLINIC_FACILITY);
        return request;
    }

    private static String benefitPercent(JsonNode insurance) {
        for (JsonNode item : insurance.path("item")) {
            for (JsonNode benefit : item.path("benefit")) {
                if ("paid-percent".equals(benefit.at("/type/coding/0/code").asText())) {
                    return benefit.path("allowedUnsignedInt").asText() + "%";
                }
            }
        }
        return "-";
    }

    private static String registeredHere(JsonNode insurance) {
        for (JsonNode ext : insurance.path("extension")) {
            if (ext.path("url").asText().endsWith("bhyt-at-registered-facility")) {
                return ext.path("valueBoolean").asText();
            }
        }
        return "-";
    }
}
