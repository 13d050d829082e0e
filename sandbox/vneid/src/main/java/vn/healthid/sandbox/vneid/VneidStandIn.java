package vn.healthid.sandbox.vneid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The VNeID stand-in (sandbox and tests only): WireMock speaking the VNeID wire format of docs/vietnam.md section 5, as this
 * project models it (UNVERIFIED, docs/vneid.md): an encrypted authorization code, a form-encoded token request, and
 * {@code {data, key}} sealed token and userinfo answers, without id_token or nonce.
 *
 * <pre>{@code
 * try (var vneid = VneidStandIn.start(0, settings, Accounts.fromPopulation(42, 200, LocalDate.now()))) {
 *     vneid.signInAs("079203001234");
 *     vneid.faults().mode(FaultMode.TAMPER_USERINFO);
 * }
 * }</pre>
 */
public final class VneidStandIn implements AutoCloseable {

    public static final String AUTHORIZE_PATH = "/oauth2/authorize";
    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String USERINFO_PATH = "/oauth2/userinfo";
    public static final String CONTROL_PATH = "/__standin/control";
    /** Longer than the broker's default VNeID timeout (5 s). */
    public static final Duration SLOW_DELAY = Duration.ofSeconds(8);

    private final WireMockServer server;
    private final Accounts accounts;
    private final Faults faults = new Faults();
    private final AtomicReference<String> signedIn = new AtomicReference<>();

    private VneidStandIn(int port, StandInSettings settings, Accounts accounts) {
        this.accounts = accounts;
        Grants grants = new Grants();
        Sealer sealer = new Sealer(settings.format());
        Replies replies = new Replies(faults);
        this.server = new WireMockServer(wireMockConfig()
                .port(port)
                .bindAddress("127.0.0.1")
                .containerThreads(16)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(4)
                .disableRequestJournal()
                .extensionScanningEnabled(false)
                .extensions(
                        new AuthorizeTransformer(settings, accounts, grants, sealer, replies, signedIn::get),
                        new TokenTransformer(settings, grants, sealer, replies, faults, strangerKey()),
                        new UserInfoTransformer(settings, grants, sealer, replies, faults),
                        new ControlTransformer(this, replies)));
        server.stubFor(get(urlPathEqualTo(AUTHORIZE_PATH))
                .willReturn(aResponse().withTransformers(AuthorizeTransformer.NAME)));
        server.stubFor(
                post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withTransformers(TokenTransformer.NAME)));
        server.stubFor(
                any(urlPathEqualTo(USERINFO_PATH)).willReturn(aResponse().withTransformers(UserInfoTransformer.NAME)));
        server.stubFor(
                post(urlPathEqualTo(CONTROL_PATH)).willReturn(aResponse().withTransformers(ControlTransformer.NAME)));
    }

    /** Starts on {@code port} (0: any free port). */
    public static VneidStandIn start(int port, StandInSettings settings, Accounts accounts) {
        VneidStandIn standIn = new VneidStandIn(port, settings, accounts);
        standIn.server.start();
        return standIn;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String authorizeUrl() {
        return baseUrl() + AUTHORIZE_PATH;
    }

    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    public String userInfoUrl() {
        return baseUrl() + USERINFO_PATH;
    }

    /** The account that signs in on the next authorization requests without a {@code pid}; null shows the page. */
    public void signInAs(String citizenPid) {
        signedIn.set(citizenPid);
    }

    public Accounts accounts() {
        return accounts;
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static PublicKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
