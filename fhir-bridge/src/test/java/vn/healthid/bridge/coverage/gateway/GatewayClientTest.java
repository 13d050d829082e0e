package vn.healthid.bridge.coverage.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.bridge.coverage.StandIns.CLERK;
import static vn.healthid.bridge.coverage.StandIns.byCccd;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.cache.StoredTokenCache;
import vn.healthid.bridge.store.memory.MemoryTtlCache;
import vn.healthid.sandbox.gateway.FaultMode;
import vn.healthid.sandbox.gateway.GatewayStandIn;

class GatewayClientTest {

    static GatewayStandIn gateway;
    final ObjectMapper mapper = new ObjectMapper();
    StoredTokenCache tokens;
    GatewayClient client;

    @BeforeAll
    static void start() {
        gateway = GatewayStandIn.start(0);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @BeforeEach
    void newClient() {
        gateway.faults().reset();
        gateway.tokenTtl(GatewayStandIn.DEFAULT_TOKEN_TTL);
        tokens = new StoredTokenCache(new MemoryTtlCache(Clock.systemUTC()), mapper, StandIns.SEALER);
        client = client(Duration.ofSeconds(2), 65536);
    }

    GatewayClient client(Duration timeout, int maxBytes) {
        var s = StandIns.settings(gateway, timeout);
        var settings = new GatewaySettings(
                s.baseUrl(), s.username(), s.password(), s.connectTimeout(), timeout, maxBytes, s.defaultTokenTtl());
        return new GatewayClient(settings, tokens, mapper, Clock.systemUTC());
    }

    @ParameterizedTest
    @CsvSource({
        "valid, VALID", "army, VALID_DEFENCE_MINISTRY", "police, VALID_PUBLIC_SECURITY_MINISTRY",
        "renewed-old-expired, RENEWED_OLD_EXPIRED", "renewed-old-valid, RENEWED_OLD_VALID", "expired, EXPIRED",
        "revoked, REVOKED", "reduced-moved-out, REDUCED_MOVED_OUT", "reduced-moved-within, REDUCED_MOVED_WITHIN",
        "reduced-reenrolled, REDUCED_REENROLLED", "reduced-stopped, REDUCED_STOPPED", "reduced-other, REDUCED_OTHER",
        "child-without-card, CHILD_WITHOUT_CARD", "read-error, READ_ERROR", "server-error, SERVER_ERROR"
    })
    void mapsEveryCardStatusOfThePopulation(String key, ResultCode expected) {
        var result = client.checkCard(byCccd(gateway.population().person(key)), CLERK);
        assertThat(result.code()).isEqualTo(expected);
        assertThat(result.code().meaning().vi()).isNotBlank();
        assertThat(result.code().meaning().en()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "079090000101, Nguyễn Văn Anh, 1990-03-15, WRONG_NAME_FIRST_LETTER_RIGHT",
        "079090000101, Trần Văn An, 1990-03-15, WRONG_NAME",
        "079090000101, Nguyễn Văn An, 1990-03-16, WRONG_BIRTH_DATE",
        "079090999999, Nguyễn Văn An, 1990-03-15, NOT_FOUND",
        "HC4797912345601, Nguyễn Văn An, 1990-03-15, WRONG_CARD_CODE",
        "DN4017912345601, Nguyễn Văn An, 1990-03-15, WRONG_PROVINCE",
        "DN3797912345601, Nguyễn Văn An, 1990-03-15, WRONG_BENEFIT_CODE",
        "0790-90, Nguyễn Văn An, 1990-03-15, BAD_FORMAT"
    })
    void mapsCodesDerivedFromTheQuery(String maThe, String name, LocalDate birth, ResultCode expected) {
        assertThat(client.checkCard(new CardQuery(maThe, name, birth), CLERK).code())
                .isEqualTo(expected);
    }

    @Test
    void readsRenewedCardData() {
        var result = client.checkCard(byCccd(gateway.population().person("renewed-old-expired")), CLERK);
        assertThat(result.renewal().maTheMoi()).isEqualTo("HT2797912345604");
        assertThat(result.effectiveCardCode()).isEqualTo("HT2797912345604");
        assertThat(result.effectiveValidTo()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(result.effectiveFacility()).isEqualTo("79024");
    }

    @Test
    void takesANewTokenWhenTheGatewayRejectsTheCachedOne() {
        var valid = byCccd(gateway.population().person("valid"));
        long before = gateway.tokensIssued();
        client.checkCard(valid, CLERK);
        gateway.expireTokens();
        assertThat(client.checkCard(valid, CLERK).code()).isEqualTo(ResultCode.VALID);
        assertThat(gateway.tokensIssued() - before).isEqualTo(2);
    }

    @Test
    void renewsATokenThatIsAboutToExpire() {
        gateway.tokenTtl(Duration.ofSeconds(5));
        var valid = byCccd(gateway.population().person("valid"));
        long before = gateway.tokensIssued();
        client.checkCard(valid, CLERK);
        client.checkCard(valid, CLERK);
        assertThat(gateway.tokensIssued() - before).isEqualTo(2);
    }

    @Test
    void replicasShareOneTokenThroughTheStore() {
        var valid = byCccd(gateway.population().person("valid"));
        long before = gateway.tokensIssued();
        client.checkCard(valid, CLERK);
        client(Duration.ofSeconds(2), 65536).checkCard(valid, CLERK);
        assertThat(gateway.tokensIssued() - before).isEqualTo(1);
    }

    @Test
    void serverErrorIsUnavailable() {
        gateway.faults().mode(FaultMode.SERVER_ERROR);
        assertKind(GatewayException.Kind.UNAVAILABLE);
    }

    @Test
    void garbageBodyIsMalformed() {
        gateway.faults().mode(FaultMode.MALFORMED_JSON);
        assertKind(GatewayException.Kind.MALFORMED);
    }

    @Test
    void connectionResetIsUnavailable() {
        gateway.faults().mode(FaultMode.CONNECTION_RESET);
        assertKind(GatewayException.Kind.UNAVAILABLE);
    }

    @Test
    void slowGatewayTimesOut() {
        client = client(Duration.ofMillis(200), 65536);
        client.checkCard(byCccd(gateway.population().person("valid")), CLERK); // token first, at full speed
        gateway.faults().latency(Duration.ofSeconds(1));
        assertKind(GatewayException.Kind.TIMEOUT);
    }

    @Test
    void refusesAnAnswerLargerThanTheBound() {
        client = client(Duration.ofSeconds(2), 200);
        assertKind(GatewayException.Kind.MALFORMED);
    }

    @Test
    void readsTreatmentHistory() {
        var history = client.history(byCccd(gateway.population().person("valid")), CLERK);
        assertThat(history.code()).isEqualTo(ResultCode.VALID);
        assertThat(history.visits()).hasSize(2);
        assertThat(history.visits().get(0).maCskcb()).isEqualTo("79071");
        assertThat(history.visits().get(1).lyDoVv()).isEqualTo("2");
    }

    private void assertKind(GatewayException.Kind kind) {
        var query = byCccd(gateway.population().person("valid"));
        assertThatThrownBy(() -> client.checkCard(query, CLERK))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
