package vn.healthid.sandbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayStandInTest {

    static GatewayStandIn gateway;
    TestClient client;

    @BeforeAll
    static void start() {
        gateway = GatewayStandIn.start(0);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @BeforeEach
    void login() throws Exception {
        gateway.faults().reset();
        client = new TestClient(gateway);
        client.login();
    }

    @Test
    void issuesTokenForMd5HashedPassword() throws Exception {
        var creds = gateway.credentials();
        var response = client.takeToken(creds.username(), creds.passwordMd5Hex());
        assertThat(response.statusCode()).isEqualTo(200);
        var json = client.mapper.readValue(response.body(), Map.class);
        assertThat(json.get("maKetQua")).isEqualTo("200");
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) json.get("APIKey")).keySet()))
                .contains("access_token", "id_token", "username");
    }

    @Test
    void refusesPlainTextOrWrongPasswordWith401() throws Exception {
        var creds = gateway.credentials();
        assertThat(client.takeToken(creds.username(), creds.password()).statusCode())
                .isEqualTo(401);
        assertThat(client.takeToken("someone-else", creds.passwordMd5Hex()).statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({
        "valid, 000",
        "army, 001",
        "police, 002",
        "renewed-old-expired, 003",
        "renewed-old-valid, 004",
        "expired, 010",
        "revoked, 110",
        "reduced-moved-out, 120",
        "reduced-moved-within, 121",
        "reduced-reenrolled, 122",
        "reduced-stopped, 123",
        "reduced-other, 124",
        "read-error, 100",
        "server-error, 101"
    })
    void reportsEachPersonsCardStatusByCardCode(String key, String code) throws Exception {
        var p = gateway.population().person(key);
        var json = client.checkJson(p.cardCode(), p.hoTen(), p.ngaySinh());
        assertThat(json.get("maKetQua")).isEqualTo(code);
    }

    @Test
    void acceptsCccdOrBhxhNumberInPlaceOfTheCard() throws Exception {
        var p = gateway.population().person("valid");
        var byCccd = client.checkJson(p.cccd(), p.hoTen(), p.ngaySinh());
        var byBhxh = client.checkJson(p.bhxh(), p.hoTen(), "1990");
        assertThat(byCccd.get("maKetQua")).isEqualTo("000");
        assertThat(byCccd.get("maThe")).isEqualTo(p.cardCode());
        assertThat(byCccd.get("maDKBD")).isEqualTo("79071");
        assertThat(byCccd.get("gtTheDen")).isEqualTo("31/12/2030");
        assertThat(byBhxh.get("maKetQua")).isEqualTo("000");
    }

    @Test
    void reportsChildWithoutCardByCccd() throws Exception {
        var p = gateway.population().person("child-without-card");
        assertThat(client.checkJson(p.cccd(), p.hoTen(), p.ngaySinh()).get("maKetQua"))
                .isEqualTo("130");
    }

    @Test
    void reportsRenewedCardData() throws Exception {
        var p = gateway.population().person("renewed-old-expired");
        var json = client.checkJson(p.cardCode(), p.hoTen(), p.ngaySinh());
        assertThat(json.get("maTheMoi")).isEqualTo("HT2797912345604");
        assertThat(json.get("gtTheDenMoi")).isEqualTo("31/12/2030");
    }

    @ParameterizedTest
    @CsvSource({
        "DN4797912345601, Nguyễn Văn Anh, 15/03/1990, 061",
        "DN4797912345601, Trần Văn An, 15/03/1990, 060",
        "DN4797912345601, nguyễn  văn an, 15/03/1991, 070",
        "DN4797912345601, Nguyễn Văn An, 1991, 070",
        "DN4797999999999, Nguyễn Văn An, 15/03/1990, 050",
        "079090999999, Nguyễn Văn An, 15/03/1990, 050",
        "HC4797912345601, Nguyễn Văn An, 15/03/1990, 051",
        "DN4017912345601, Nguyễn Văn An, 15/03/1990, 052",
        "DN3797912345601, Nguyễn Văn An, 15/03/1990, 053",
        "DN47979123, Nguyễn Văn An, 15/03/1990, 205",
        "DN4797912345601, Nguyễn Văn An, 1990-03-15, 205"
    })
    void derivesErrorCodesFromTheCallersInput(String maThe, String hoTen, String ngaySinh, String code)
            throws Exception {
        assertThat(client.checkJson(maThe, hoTen, ngaySinh).get("maKetQua")).isEqualTo(code);
    }

    @Test
    void requiresTheStaffIdentity() throws Exception {
        var p = gateway.population().person("valid");
        var response = client.check(Map.of("maThe", p.cardCode(), "hoTen", p.hoTen(), "ngaySinh", p.ngaySinh()));
        var json = client.mapper.readValue(response.body(), Map.class);
        assertThat(json.get("maKetQua")).isEqualTo("205");
        assertThat((String) json.get("ghiChu")).contains("hoTenCb");
    }

    @Test
    void refusesExpiredTokensWith401() throws Exception {
        gateway.expireTokens();
        var p = gateway.population().person("valid");
        var response = client.check(Map.of(
                "maThe",
                p.cardCode(),
                "hoTen",
                p.hoTen(),
                "ngaySinh",
                p.ngaySinh(),
                "hoTenCb",
                TestClient.STAFF_NAME,
                "cccdCb",
                TestClient.STAFF_CCCD));
        assertThat(response.statusCode()).isEqualTo(401);
        client.login();
        assertThat(client.checkJson(p.cardCode(), p.hoTen(), p.ngaySinh()).get("maKetQua"))
                .isEqualTo("000");
    }

    @Test
    void answersTreatmentHistoryFromAForm() throws Exception {
        var p = gateway.population().person("valid");
        var response = client.history(Map.of(
                "maThe",
                p.cccd(),
                "hoTen",
                p.hoTen(),
                "ngaySinh",
                p.ngaySinh(),
                "hoTenCb",
                TestClient.STAFF_NAME,
                "cccdCb",
                TestClient.STAFF_CCCD));
        var json = client.mapper.readValue(response.body(), Map.class);
        assertThat(json.get("maKetQua")).isEqualTo("000");
        assertThat((java.util.List<?>) json.get("dsLichSuKCB")).hasSize(2);
        assertThat(gateway.historyCalls()).isPositive();
    }
}
