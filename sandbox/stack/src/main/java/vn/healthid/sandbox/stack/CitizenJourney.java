package vn.healthid.sandbox.stack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A citizen logs in once with the card read at a kiosk's desk reader ({@code cccd-reader login} with the QR code's
 * link, posting to its callback), then a second service of the realm logs them in without a second chip read (SSO).
 */
final class CitizenJourney {

    /** The level a telehealth app requires by default: logging in at it once serves every service of the realm. */
    private static final String TOP_LEVEL = "urn:vn:healthid:acr:chip-aa";

    private final DemoJourneys.Stack stack;

    CitizenJourney(DemoJourneys.Stack stack) {
        this.stack = stack;
    }

    void run(JourneyReport report) {
        Http browser = new Http();
        Realm realm = stack.realm();
        // Card 1 was seen at reception (ReceptionJourney): the bridge knows whom to ask the gateway about.
        var card = stack.card(1);
        KioskReader kiosk = new KioskReader(card);
        Realm.BrowserLogin portal = realm.browserLogin(
                browser,
                Sandbox.PORTAL,
                Sandbox.REDIRECT,
                "openid patient/Patient.rs patient/Coverage.rs",
                TOP_LEVEL,
                kiosk);
        JsonNode first = Realm.claims(portal.tokens().path("access_token").asText());
        report.step(("%s: the browser shows a QR code, the kiosk's reader (cccd-reader login) reads card %s on the "
                        + "emulated chip and posts it -> chip read: %s, acr=%s, %s")
                .formatted(
                        Sandbox.PORTAL,
                        card.citizen().maskedNumber(),
                        portal.chipRead(),
                        first.path("acr").asText(),
                        first.path("fhirUser").asText()));
        ownCoverage(
                report,
                first.path("fhirUser").asText(),
                portal.tokens().path("access_token").asText());
        Realm.BrowserLogin second = realm.browserLogin(
                browser, Sandbox.TELEHEALTH, Sandbox.REDIRECT, "openid patient/Appointment.cruds", null, kiosk);
        JsonNode claims = Realm.claims(second.tokens().path("access_token").asText());
        report.step("%s in the same browser -> chip read: %s, acr=%s, same user: %s"
                .formatted(
                        Sandbox.TELEHEALTH,
                        second.chipRead(),
                        claims.path("acr").asText(),
                        claims.path("sub").asText().equals(first.path("sub").asText())));
        if (second.chipRead()) {
            throw new DemoFailure("the second service asked for the chip again: no single sign-on");
        }
        report.step("for a person: open " + stack.keycloak()
                + "/realms/health/account; a kiosk answers its QR code with bin/cccd-reader login '<link>' and a card on"
                + " a PC/SC reader (bin/cccd read simulates a phone with a sandbox card file)");
    }

    /** Self-service: the citizen's own card, the gateway told the sandbox officer asked (bin/healthid up). */
    private void ownCoverage(JourneyReport report, String patient, String accessToken) {
        Http.Response answer = new Http()
                .get(
                        stack.fhir() + "/Coverage?patient=" + patient,
                        "Authorization",
                        "Bearer " + accessToken,
                        "Accept",
                        "application/fhir+json");
        if (answer.status() != 200) {
            throw new DemoFailure("own coverage: HTTP " + answer.status() + " "
                    + answer.json().at("/issue/0/details/coding/0/code").asText() + " "
                    + Http.abbreviate(answer.body()));
        }
        JsonNode entries = answer.json().path("entry");
        report.step(
                entries.isEmpty()
                        ? "   own coverage: no usable card"
                        : "   own coverage: %s, valid until %s"
                                .formatted(
                                        entries.path(0).at("/resource/status").asText(),
                                        entries.path(0)
                                                .at("/resource/period/end")
                                                .asText()));
    }
}
