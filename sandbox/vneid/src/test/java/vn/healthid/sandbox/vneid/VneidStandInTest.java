package vn.healthid.sandbox.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;

class VneidStandInTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final RelyingParty RP = new RelyingParty();
    private static VneidStandIn vneid;

    @BeforeAll
    static void start() {
        vneid = VneidStandIn.start(0, RP.settings(), Accounts.fromPopulation(Accounts.SANDBOX_SEED, 30, TODAY));
    }

    @AfterAll
    static void stop() {
        vneid.close();
    }

    @BeforeEach
    void healthy() {
        vneid.faults().mode(FaultMode.NONE);
        vneid.signInAs(null);
    }

    @Test
    void accountsAreTheCardsPopulationWithBothLevels() {
        List<Citizen> citizens = Population.generate(Accounts.SANDBOX_SEED, 30, TODAY);

        assertThat(vneid.accounts().all().subList(0, citizens.size()))
                .extracting(Account::citizenPid)
                .containsExactlyElementsOf(
                        citizens.stream().map(Citizen::number).toList());
        assertThat(vneid.accounts().all()).extracting(Account::level).contains(1, 2);
    }

    @Test
    void fullLoginGivesSealedClaimsOfTheAccountThatSignedIn() throws Exception {
        Account account = vneid.accounts().all().get(1);

        JsonNode claims = login(account.citizenPid());

        assertThat(claims.get("citizenPid").asText()).isEqualTo(account.citizenPid());
        assertThat(claims.get("fullName").asText()).isEqualTo(account.fullName());
        assertThat(claims.get("accountLevel").asInt()).isEqualTo(account.level());
        assertThat(claims.has("birthDate")).isTrue();
    }

    @Test
    void tokenResponseIsSealedAndHasNoIdToken() throws Exception {
        String code = codeFor(vneid.accounts().all().get(2).citizenPid());

        HttpResponse<String> token = RP.token(vneid, code, RelyingParty.VERIFIER);

        assertThat(token.body()).doesNotContain("access_token");
        JsonNode opened = RP.open(token.body());
        assertThat(opened.has("access_token")).isTrue();
        assertThat(opened.has("id_token")).isFalse();
    }

    @Test
    void authorizationCodeIsSingleUse() throws Exception {
        String code = codeFor(vneid.accounts().all().get(2).citizenPid());
        RP.token(vneid, code, RelyingParty.VERIFIER);

        assertThat(RP.token(vneid, code, RelyingParty.VERIFIER).statusCode()).isEqualTo(400);
    }

    @Test
    void refusesATokenRequestWithTheWrongPkceVerifier() throws Exception {
        String code = codeFor(vneid.accounts().all().get(2).citizenPid());

        HttpResponse<String> token = RP.token(vneid, code, "another-verifier-0123456789-0123456789-012345");

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("PKCE");
    }

    @Test
    void refusesAuthorizationWithoutPkce() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(vneid.authorizeUrl()
                        + "?response_type=code&client_id=" + StandInSettings.SANDBOX_CLIENT_ID
                        + "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&state=s"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("PKCE");
    }

    @Test
    void showsTheAccountPageWhenNobodyIsSignedIn() throws Exception {
        HttpResponse<String> page = RP.authorize(vneid, "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("pid-" + vneid.accounts().all().get(0).citizenPid());
    }

    @Test
    void tamperedUserInfoNoLongerOpens() throws Exception {
        String code = codeFor(vneid.accounts().all().get(4).citizenPid());
        String accessToken = RP.open(
                        RP.token(vneid, code, RelyingParty.VERIFIER).body())
                .get("access_token")
                .asText();
        vneid.faults().mode(FaultMode.TAMPER_USERINFO);

        String body = RP.userInfo(vneid, accessToken).body();

        assertThatThrownBy(() -> RP.open(body)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void controlEndpointChoosesTheAccountAndTheFault() throws Exception {
        RP.postForm(
                vneid.baseUrl() + VneidStandIn.CONTROL_PATH,
                Map.of(
                        "action",
                        "register",
                        "pid",
                        "001099012345",
                        "fullName",
                        "Trần Thị Bình",
                        "birthDate",
                        "1999-01-02",
                        "level",
                        "1"));
        RP.postForm(vneid.baseUrl() + VneidStandIn.CONTROL_PATH, Map.of("action", "sign-in-as", "pid", "001099012345"));
        RP.postForm(vneid.baseUrl() + VneidStandIn.CONTROL_PATH, Map.of("action", "fault", "mode", "SERVER_ERROR"));

        String code = RP.plainCode(RelyingParty.queryParam(
                RP.authorize(vneid, "").headers().firstValue("Location").orElseThrow(), "code"));

        assertThat(RP.token(vneid, code, RelyingParty.VERIFIER).statusCode()).isEqualTo(500);
        assertThat(vneid.accounts().find("001099012345")).map(Account::level).contains(1);
    }

    private String codeFor(String pid) throws Exception {
        HttpResponse<String> redirect = RP.authorize(vneid, "&pid=" + pid);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(RelyingParty.REDIRECT).contains("state=st-1");
        return RP.plainCode(RelyingParty.queryParam(location, "code"));
    }

    private JsonNode login(String pid) throws Exception {
        String code = codeFor(pid);
        String accessToken = RP.open(
                        RP.token(vneid, code, RelyingParty.VERIFIER).body())
                .get("access_token")
                .asText();
        return RP.open(RP.userInfo(vneid, accessToken).body());
    }
}
