package vn.healthid.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.TreeSet;
import org.jmrtd.lds.icao.DG1File;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.Citizen;

/**
 * A clinic's reception: the citizen's card on the desk reader ({@code cccd-reader serve}, reader module, over the card's
 * emulated chip), which asks healthid's challenge, reads the chip and makes the chip grant with the clinic's
 * credential, and hands the page the citizen's token; the clerk's own token; then the insurance check at the bridge.
 * The three cards are keyed in the three ways a clerk can: typed, the MRZ lines pasted, the front QR code.
 */
final class ReceptionJourney {

    static final String CHIP_AA = "urn:vn:healthid:acr:chip-aa";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMyyyy");

    private final DemoJourneys.Stack stack;

    ReceptionJourney(DemoJourneys.Stack stack) {
        this.stack = stack;
    }

    void run(JourneyReport report) {
        Http http = new Http();
        Realm realm = stack.realm();
        JsonNode clerk = realm.passwordToken(
                http, Sandbox.CLINIC, Sandbox.CLINIC_SECRET, Sandbox.CLERK, Sandbox.CLERK_PASSWORD, "openid profile");
        report.step("clerk " + Sandbox.CLERK + " signed in to " + Sandbox.CLINIC);
        try (DeskReader reader = new DeskReader(realm.url())) {
            report.step("desk reader: cccd-reader serve on " + reader.url() + " for " + DeskReader.RECEPTION_PAGE
                    + " (reads confirmed automatically: demo only), holding " + Sandbox.CLINIC + "'s secret");
            Set<String> aaKeys = new TreeSet<>();
            String[] ways = {"typed", "MRZ lines", "front QR code"};
            for (int i = 0; i < ways.length; i++) {
                Card card = stack.card(i + 1);
                aaKeys.add(card.aaKey().name());
                check(
                        report,
                        http,
                        reader,
                        card,
                        ways[i],
                        key(card, ways[i]),
                        clerk.path("access_token").asText());
            }
            report.step("   active authentication passed in Keycloak for AA keys " + aaKeys);
            Http.Response refused = reader.readFrom(http, "https://evil.example", key(stack.card(1), "typed"));
            if (refused.status() != 403) {
                throw new DemoFailure("the desk reader answered a page of another origin: HTTP " + refused.status());
            }
            report.step("a page of another origin asks the reader -> HTTP 403 "
                    + refused.json().at("/error/code").asText());
        }
    }

    private void check(
            JourneyReport report, Http http, DeskReader reader, Card card, String way, ObjectNode key, String clerk) {
        JsonNode answer = reader.read(http, card, key);
        String accessToken = answer.path("access_token").asText();
        JsonNode claims = Realm.claims(accessToken);
        String patient = answer.path("patient").asText();
        report.step(
                "card %s (%s, AA %s) on the reader -> token acr=%s azp=%s act=%s %s, expires in %ss; card valid to %s"
                        .formatted(
                                answer.at("/card/number").asText(),
                                way,
                                card.aaKey().name(),
                                claims.path("acr").asText(),
                                claims.path("azp").asText(),
                                claims.path("act").path("client_id").asText(),
                                patient,
                                answer.path("expires_in").asText(),
                                answer.at("/card/expiry").asText("no expiry")));
        if (!CHIP_AA.equals(claims.path("acr").asText())) {
            throw new DemoFailure("the chip grant did not reach chip-aa: active authentication did not pass");
        }
        if (!patient.equals(claims.path("fhirUser").asText())) {
            throw new DemoFailure("the reader's patient is not the token's fhirUser");
        }
        // Opening the record registers the citizen at the bridge (docs/patient-id.md): later, with a public
        // app's token that carries no number, they can look up their own coverage (CitizenJourney).
        Http.Response record = http.get(
                stack.fhir() + "/" + patient,
                "Authorization",
                "Bearer " + accessToken,
                "Accept",
                "application/fhir+json");
        if (record.status() != 200) {
            throw new DemoFailure("patient record: HTTP " + record.status() + " " + Http.abbreviate(record.body()));
        }
        report.step("   patient record: HTTP 200, "
                + record.json().at("/name/0/text").asText("(no name)"));
        Http.Response eligibility = http.postFhir(
                stack.fhir() + "/CoverageEligibilityRequest/$submit",
                submission(request(patient)).toString(),
                "Authorization",
                "Bearer " + accessToken,
                "X-Staff-Token",
                clerk);
        if (eligibility.status() == 404 || eligibility.status() == 405) {
            report.notBuilt("the eligibility check at the bridge (HTTP " + eligibility.status() + ")");
            return;
        }
        if (eligibility.status() != 200) {
            throw new DemoFailure(
                    "eligibility check: HTTP " + eligibility.status() + " " + Http.abbreviate(eligibility.body()));
        }
        JsonNode response = eligibility.json();
        JsonNode insurance = response.path("insurance").path(0);
        report.step("   eligibility: %s | in force: %s | BHYT pays: %s | registered facility here: %s"
                .formatted(
                        response.path("disposition").asText(),
                        insurance.path("inforce").asText("-"),
                        benefitPercent(insurance),
                        registeredHere(insurance)));
        history(report, http, patient, accessToken, clerk);
    }

    /** The key as the page sends it (reader/README.md, "serve"): typed fields, the TD1 lines, or the front QR code. */
    private static ObjectNode key(Card card, String way) {
        Citizen c = card.citizen();
        ObjectNode body = Http.JSON.createObjectNode();
        ObjectNode mrz = body.putObject("mrz");
        switch (way) {
            case "typed" -> {
                mrz.put("number", c.number());
                mrz.put("birth", c.dateOfBirth().format(YYMMDD));
                mrz.put(
                        "expiry",
                        c.dateOfExpiry() == null ? "991231" : c.dateOfExpiry().format(YYMMDD));
            }
            case "MRZ lines" -> mrz.put("lines", mrzLines(card));
            default ->
                mrz.put(
                        "qr",
                        String.join(
                                "|",
                                c.number(),
                                c.oldIdNumber() == null ? "" : c.oldIdNumber(),
                                c.fullName(),
                                c.dateOfBirth().format(DDMMYYYY),
                                c.sex() == vn.healthid.sandbox.cards.Sex.MALE ? "Nam" : "Nữ",
                                c.placeOfResidence(),
                                c.dateOfIssue().format(DDMMYYYY)));
        }
        return body;
    }

    /** The three lines printed on the back of the card: the same MRZ its DG1 holds. */
    private static String mrzLines(Card card) {
        try {
            return new DG1File(new ByteArrayInputStream(card.files().get("DG1")))
                    .getMRZInfo()
                    .toString()
                    .strip();
        } catch (IOException e) {
            throw new DemoFailure("the sandbox card has no readable DG1");
        }
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
