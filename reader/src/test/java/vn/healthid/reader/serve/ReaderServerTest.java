package vn.healthid.reader.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.chip.Proof;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.reader.cli.HealthidStandIn;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/** {@code cccd-reader serve}: what a reception page gets, and what any other page, host or request does not. */
class ReaderServerTest {

    private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMyyyy");
    private final Sandbox sandbox = Sandbox.get();

    @Test
    void aReadForTheAllowedPageAnswersTheCitizensTokenAndTheMaskedCardButNeverTheSecret() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, typed(card));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains(ServeFixture.PAGE);
            assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
            JsonNode json = ServeFixture.json(answer);
            assertThat(json.path("access_token").asText()).isEqualTo(HealthidStandIn.ACCESS_TOKEN);
            assertThat(json.path("expires_in").asLong()).isEqualTo(300);
            assertThat(json.path("patient").asText()).isEqualTo("Patient/stand-in-1");
            String number = card.citizen().number();
            assertThat(json.at("/card/number").asText())
                    .isEqualTo(number.substring(0, 4) + "******" + number.substring(10));
            assertThat(json.at("/card/expiry").asText())
                    .isEqualTo(card.citizen().dateOfExpiry().toString());
            assertThat(answer.body())
                    .doesNotContain(ServeFixture.SECRET)
                    .doesNotContain("refresh")
                    .doesNotContain(number);
            assertThat(reader.healthid.tokenForm.get()).containsEntry("client_secret", ServeFixture.SECRET);
            var verified = sandbox.verifier()
                    .verify(
                            reader.healthid.tokenForm.get().get("chip_bundle").getBytes(StandardCharsets.UTF_8),
                            ChipBundle.decodeNonce(reader.healthid.challenge));
            assertThat(verified.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
            assertThat(reader.terminal.toString(StandardCharsets.UTF_8)).doesNotContain(number);
        }
    }

    @Test
    void anEcCardIsReadWithActiveAuthenticationToo() throws Exception {
        Card card = sandbox.card(CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            assertThat(reader.post(ServeFixture.PAGE, typed(card)).statusCode()).isEqualTo(200);
            var verified = sandbox.verifier()
                    .verify(
                            reader.healthid.tokenForm.get().get("chip_bundle").getBytes(StandardCharsets.UTF_8),
                            ChipBundle.decodeNonce(reader.healthid.challenge));
            assertThat(verified.proof()).isEqualTo(Proof.PASSIVE_AND_ACTIVE);
        }
    }

    @Test
    void aPageOfAnotherOriginIsRefusedBeforeTheCardOrHealthidIsTouched() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            for (String origin : new String[] {"https://evil.example", "null", "http://localhost:8091", null}) {
                HttpResponse<String> answer = reader.post(origin, typed(card));

                assertThat(answer.statusCode()).as(String.valueOf(origin)).isEqualTo(403);
                assertThat(code(answer)).isEqualTo("READER_ORIGIN_REFUSED");
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                        .isEmpty();
            }
            assertThat(reader.card.apdus()).isZero();
            assertThat(reader.healthid.challengeForm.get()).isNull();
        }
    }

    @Test
    void thePreflightOfTheAllowedPageAllowsAJsonPostAndAnotherOriginsIsRefused() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> allowed = reader.send(preflight(reader, ServeFixture.PAGE));
            HttpResponse<String> refused = reader.send(preflight(reader, "https://evil.example"));

            assertThat(allowed.statusCode()).isEqualTo(204);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains(ServeFixture.PAGE);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods"))
                    .contains("GET, POST");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers"))
                    .contains("Content-Type");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Private-Network"))
                    .contains("true");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void aRequestAddressedToAnotherHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            String body = typed(card);
            String raw = ServeFixture.rawRequest(
                    reader.server.port(),
                    "POST /v1/read HTTP/1.1\r\nHost: rebind.evil.example:" + reader.server.port()
                            + "\r\nOrigin: " + ServeFixture.PAGE
                            + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);

            assertThat(raw).startsWith("HTTP/1.1 403").contains("READER_HOST_REFUSED");
            assertThat(reader.card.apdus()).isZero();
        }
    }

    @Test
    void theReaderRefusesToListenOnAnythingButLoopback() {
        for (String bind : new String[] {"0.0.0.0", "192.168.1.10", "::", "reader.clinic.lan"}) {
            ServeOptions options = new ServeOptions(
                    bind,
                    0,
                    ServeFixture.PAGE,
                    ServeOptions.CONFIRM_AUTO_UNSAFE,
                    URI.create("http://127.0.0.1:9"),
                    "clinic-reception",
                    "secret",
                    null,
                    9);

            assertThatThrownBy(() -> options.open(null, null, null, null, System.err))
                    .as(bind)
                    .isInstanceOfSatisfying(
                            ReaderException.class, e -> assertThat(e.error()).isEqualTo(ReaderError.BIND_REFUSED));
        }
    }

    @Test
    void aDeclinedConfirmationReadsNothingAndSaysSo() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, origin -> false)) {
            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, typed(card));

            assertThat(answer.statusCode()).isEqualTo(403);
            JsonNode error = ServeFixture.json(answer).path("error");
            assertThat(error.path("code").asText()).isEqualTo("READER_DECLINED");
            assertThat(error.path("message_vi").asText()).isEqualTo(ReaderError.DECLINED.vietnamese());
            assertThat(error.path("message_en").asText()).isEqualTo("the clerk declined this card read");
            assertThat(reader.card.apdus()).isZero();
        }
    }

    @Test
    void aSecondReadWhileOneWaitsForTheClerkIsBusy() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        Confirmation slowClerk = origin -> {
            asked.countDown();
            try {
                return answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        };
        try (ServeFixture reader = fixture(card, slowClerk)) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.post(ServeFixture.PAGE, typed(card));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> second = reader.post(ServeFixture.PAGE, typed(card));
            JsonNode status = ServeFixture.json(reader.send(get(reader, "/v1/status")));
            answer.countDown();

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(code(second)).isEqualTo("READER_BUSY");
            assertThat(status.path("busy").asBoolean()).isTrue();
            assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongCardDataIsAccessControlFailedInBothLanguages() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        AccessKey key = Sandbox.keyOf(card);
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> answer = reader.post(
                    ServeFixture.PAGE,
                    "{\"mrz\":{\"number\":\"" + card.citizen().number() + "\",\"birth\":\"010101\",\"expiry\":\""
                            + key.dateOfExpiry() + "\"}}");

            assertThat(answer.statusCode()).isEqualTo(422);
            JsonNode error = ServeFixture.json(answer).path("error");
            assertThat(error.path("code").asText()).isEqualTo("READER_ACCESS_CONTROL_FAILED");
            assertThat(error.path("message_en").asText())
                    .isEqualTo("wrong date of birth or expiry for this card: access control failed");
            assertThat(error.path("message_vi").asText()).startsWith("sai ngày sinh hoặc ngày hết hạn");
            assertThat(reader.healthid.tokenForm.get()).isNull();
        }
    }

    @Test
    void aCardPulledOutMidReadIsCardRemovedAndNothingIsGranted() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        EmulatedCardService service = new EmulatedCardService(card);
        service.faults().removeCardAt(12);
        try (ServeFixture reader = new ServeFixture(service, Sandbox.nonce(), Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, typed(card));

            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(code(answer)).isEqualTo("READER_CARD_REMOVED");
            assertThat(reader.healthid.tokenForm.get()).isNull();
        }
    }

    @Test
    void aRefusedGrantIsServerRefusedWithHealthidsReason() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            reader.healthid.refuseGrant = "AA_SIGNATURE_INVALID";

            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, typed(card));

            assertThat(answer.statusCode()).isEqualTo(502);
            JsonNode error = ServeFixture.json(answer).path("error");
            assertThat(error.path("code").asText()).isEqualTo("READER_SERVER_REFUSED");
            assertThat(error.path("detail").asText()).isEqualTo("400 AA_SIGNATURE_INVALID");
        }
    }

    @Test
    void theFrontQrCodeOpensTheChipWithTheDerivedExpiry() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> answer =
                    reader.post(ServeFixture.PAGE, "{\"mrz\":{\"qr\":\"" + qr(card.citizen(), null) + "\"}}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    void aQrCodeWhoseDerivedExpiryTheChipRefusesAsksForThePrintedExpiry() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        Citizen citizen = card.citizen();
        // a QR code saying the card was issued at 59: the rule derives "no expiry", and this card has one
        String wrongIssue = citizen.dateOfBirth().plusYears(59).format(DDMMYYYY);
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> derived =
                    reader.post(ServeFixture.PAGE, "{\"mrz\":{\"qr\":\"" + qr(citizen, wrongIssue) + "\"}}");
            HttpResponse<String> typed = reader.post(
                    ServeFixture.PAGE,
                    "{\"mrz\":{\"qr\":\"" + qr(citizen, wrongIssue) + "\",\"expiry\":\"" + citizen.dateOfExpiry()
                            + "\"}}");

            assertThat(derived.statusCode()).isEqualTo(422);
            assertThat(code(derived)).isEqualTo("READER_EXPIRY_NEEDED");
            assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        }
    }

    @Test
    void mrzLinesWithABadCheckDigitAreRefusedBeforeTheCardIsTouched() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            String lines =
                    "IDVNM1900012340079190001234<<<\\n9001151M3001157VNM<<<<<<<<<<<1\\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<";

            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, "{\"mrz\":{\"lines\":\"" + lines + "\"}}");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(code(answer)).isEqualTo("READER_MRZ_INVALID");
            assertThat(reader.card.apdus()).isZero();
        }
    }

    @Test
    void statusTellsThePageWhetherAReaderAndACardArePresent() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> answer = reader.send(get(reader, "/v1/status"));

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode status = ServeFixture.json(answer);
            assertThat(status.at("/reader/connected").asBoolean()).isTrue();
            assertThat(status.at("/reader/name").asText()).isEqualTo("Emulated CCCD reader 0");
            assertThat(status.at("/card/present").asBoolean()).isTrue();
            assertThat(status.path("busy").asBoolean()).isFalse();
            assertThat(reader.card.apdus()).isZero();
        }
    }

    @Test
    void withoutAReaderTheReadIsNoReaderAndTheClerkIsNotAsked() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        java.util.concurrent.atomic.AtomicBoolean asked = new java.util.concurrent.atomic.AtomicBoolean();
        Confirmation clerk = origin -> {
            asked.set(true);
            return true;
        };
        try (ServeFixture reader = new ServeFixture(
                new EmulatedCardService(card),
                Sandbox.nonce(),
                clerk,
                () -> vn.healthid.reader.pcsc.DeviceStatus.absent(ReaderError.NO_READER))) {
            HttpResponse<String> answer = reader.post(ServeFixture.PAGE, typed(card));
            JsonNode status = ServeFixture.json(reader.send(get(reader, "/v1/status")));

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(code(answer)).isEqualTo("READER_NO_READER");
            assertThat(asked).isFalse();
            assertThat(status.at("/reader/connected").asBoolean()).isFalse();
            assertThat(status.at("/reader/error/code").asText()).isEqualTo("READER_NO_READER");
        }
    }

    @Test
    void unknownPathsAndMethodsAndNonJsonBodiesAreRefusedWithStableCodes() throws Exception {
        Card card = sandbox.card(CardSpec.defaults());
        try (ServeFixture reader = fixture(card, Confirmation.AUTO_UNSAFE)) {
            HttpResponse<String> unknown = reader.send(get(reader, "/v1/secret"));
            HttpResponse<String> getRead = reader.send(get(reader, "/v1/read"));
            HttpResponse<String> form = reader.send(HttpRequest.newBuilder(URI.create(reader.url("/v1/read")))
                    .header("Origin", ServeFixture.PAGE)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("mrz=1"))
                    .build());
            HttpResponse<String> big = reader.post(ServeFixture.PAGE, "{\"can\":\"" + "1".repeat(20_000) + "\"}");

            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(code(unknown)).isEqualTo("READER_UNKNOWN_ENDPOINT");
            assertThat(getRead.statusCode()).isEqualTo(404);
            assertThat(code(form)).isEqualTo("READER_BAD_REQUEST");
            assertThat(code(big)).isEqualTo("READER_BAD_REQUEST");
            assertThat(reader.card.apdus()).isZero();
        }
    }

    private ServeFixture fixture(Card card, Confirmation confirmation) throws Exception {
        return new ServeFixture(new EmulatedCardService(card), Sandbox.nonce(), confirmation);
    }

    private static String typed(Card card) {
        AccessKey key = Sandbox.keyOf(card);
        return "{\"mrz\":{\"number\":\"" + card.citizen().number() + "\",\"birth\":\"" + key.dateOfBirth()
                + "\",\"expiry\":\"" + card.citizen().dateOfExpiry() + "\"}}";
    }

    private static String qr(Citizen c, String issue) {
        return c.number() + "|" + (c.oldIdNumber() == null ? "" : c.oldIdNumber()) + "|NGUYEN VAN A|"
                + c.dateOfBirth().format(DDMMYYYY) + "|Nam|Ha Noi|"
                + (issue == null ? c.dateOfIssue().format(DDMMYYYY) : issue);
    }

    private static HttpRequest preflight(ServeFixture reader, String origin) {
        return HttpRequest.newBuilder(URI.create(reader.url("/v1/read")))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .header("Access-Control-Request-Private-Network", "true")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private static HttpRequest get(ServeFixture reader, String path) {
        return HttpRequest.newBuilder(URI.create(reader.url(path)))
                .header("Origin", ServeFixture.PAGE)
                .GET()
                .build();
    }

    private static String code(HttpResponse<String> answer) throws Exception {
        return ServeFixture.json(answer).at("/error/code").asText();
    }
}
