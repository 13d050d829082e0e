package vn.healthid.sandbox.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;

/**
 * The VSS insurance-gateway stand-in (sandbox and tests only): WireMock answering the three
 * endpoints of docs/vietnam.md section 4 from a synthetic {@link Population}.
 *
 * <pre>{@code
 * var gateway = GatewayStandIn.start(0);
 * gateway.faults().mode(FaultMode.SERVER_ERROR);
 * gateway.stop();
 * }</pre>
 */
public final class GatewayStandIn implements AutoCloseable {

    public static final String TOKEN_PATH = "/api/token/take";
    public static final String CARD_CHECK_PATH = "/api/egw/KQNhanLichSuKCB2024";
    public static final String HISTORY_PATH = "/api/egw/Lskcb2025";
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(30);
    private static final String LOOPBACK = "127.0.0.1";

    private final WireMockServer server;
    private final Population population;
    private final Credentials credentials;
    private final Faults faults = new Faults();
    private final TokenRegistry tokens;
    private final TokenTakeTransformer tokenTake;
    private final CardCheckTransformer cardCheck;
    private final HistoryTransformer history;

    private GatewayStandIn(String bind, int port, Population population, Credentials credentials, Duration tokenTtl) {
        this.population = population;
        this.credentials = credentials;
        this.tokens = new TokenRegistry(Clock.systemUTC(), tokenTtl);
        var replies = new Replies(faults);
        var caller = new CallerCheck(tokens, credentials);
        var lookup = new CardLookup(population);
        this.tokenTake = new TokenTakeTransformer(credentials, tokens, replies);
        this.cardCheck = new CardCheckTransformer(caller, lookup, replies);
        this.history = new HistoryTransformer(caller, lookup, replies);
        this.server = new WireMockServer(wireMockConfig()
                .port(port)
                .bindAddress(bind)
                .containerThreads(64)
                // Java's default listen backlog (50) drops a burst of new connections into SYN retries.
                .jettyAcceptQueueSize(1024)
                // Delays are scheduled, not slept on a container thread: hundreds of slow answers at once.
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8)
                .disableRequestJournal()
                .extensionScanningEnabled(false)
                .extensions(tokenTake, cardCheck, history));
        stub(TOKEN_PATH, TokenTakeTransformer.NAME);
        stub(CARD_CHECK_PATH, CardCheckTransformer.NAME);
        stub(HISTORY_PATH, HistoryTransformer.NAME);
    }

    /** Starts on {@code port} (0 for any free port) with the shipped population and sandbox account. */
    public static GatewayStandIn start(int port) {
        return start(port, Population.defaults(), Credentials.SANDBOX, DEFAULT_TOKEN_TTL);
    }

    /** Loopback only: tests and single-host runs. */
    public static GatewayStandIn start(int port, Population population, Credentials credentials, Duration tokenTtl) {
        return start(LOOPBACK, port, population, credentials, tokenTtl);
    }

    /** On {@code bind} ({@code 0.0.0.0} in a container, so that the other services reach it). */
    public static GatewayStandIn start(
            String bind, int port, Population population, Credentials credentials, Duration tokenTtl) {
        var standIn = new GatewayStandIn(bind, port, population, credentials, tokenTtl);
        standIn.server.start();
        return standIn;
    }

    private void stub(String path, String transformer) {
        server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withTransformers(transformer)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Population population() {
        return population;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Failure and latency switches, read on every request. */
    public Faults faults() {
        return faults;
    }

    /** Lifetime of tokens issued from now on. */
    public void tokenTtl(Duration ttl) {
        tokens.ttl(ttl);
    }

    /** Every token issued so far is refused from now on (401), as after a gateway restart. */
    public void expireTokens() {
        tokens.expireAll();
    }

    public long tokensIssued() {
        return tokens.issuedCount();
    }

    public long tokenCalls() {
        return tokenTake.calls();
    }

    public long cardCheckCalls() {
        return cardCheck.calls();
    }

    public long historyCalls() {
        return history.calls();
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
