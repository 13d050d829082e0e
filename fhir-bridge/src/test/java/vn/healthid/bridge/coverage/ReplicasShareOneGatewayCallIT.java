package vn.healthid.bridge.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import vn.healthid.bridge.BridgeApplication;
import vn.healthid.bridge.coverage.cache.CacheKeys;
import vn.healthid.bridge.coverage.check.CheckOutcome;
import vn.healthid.bridge.coverage.check.CoverageChecks;
import vn.healthid.bridge.coverage.gateway.CardQuery;
import vn.healthid.bridge.coverage.gateway.ResultCode;
import vn.healthid.bridge.testsupport.RedisProcesses;
import vn.healthid.bridge.testsupport.RedisProcesses.Server;
import vn.healthid.bridge.testsupport.TestIssuer;
import vn.healthid.sandbox.gateway.GatewayStandIn;

/**
 * Single flight across bridge replicas (issue 17): two whole bridges (two Spring contexts) on one
 * real Redis and one gateway stand-in that counts its card checks. Identical uncached checks split
 * over both make one gateway call; a lease left by a replica that died blocks the others only
 * until it runs out.
 */
class ReplicasShareOneGatewayCallIT {

    private static final String FACILITY = "79071";
    private static final String CACHE_KEY =
            Base64.getEncoder().encodeToString("replicas-it-cache-key-32-bytes!!".getBytes());
    private static final GatewayStandIn GATEWAY = GatewayStandIn.start(0);
    private static final RedisProcesses REDIS = new RedisProcesses();
    private static final String PREFIX = "healthid-it:" + UUID.randomUUID() + ":";
    private static Server primary;
    private static ConfigurableApplicationContext bridgeA;
    private static ConfigurableApplicationContext bridgeB;

    @BeforeAll
    static void startTwoBridges() {
        primary = REDIS.server(0);
        bridgeA = bridge();
        bridgeB = bridge();
    }

    @AfterAll
    static void stop() {
        bridgeA.close();
        bridgeB.close();
        REDIS.close();
        GATEWAY.stop();
    }

    @BeforeEach
    void slowGateway() {
        // every check arrives while the first is still at the gateway
        GATEWAY.faults().reset().latency(Duration.ofMillis(300));
    }

    @Test
    void twoHundredIdenticalUncachedChecksOverTwoReplicasMakeOneGatewayCall() throws Exception {
        CardQuery valid = StandIns.byCccd(GATEWAY.population().person("valid"));
        checks(bridgeA).check(StandIns.byCccd(GATEWAY.population().person("army")), StandIns.CLERK, FACILITY);
        long before = GATEWAY.cardCheckCalls();

        List<CheckOutcome> answers = concurrently(200, valid);

        assertThat(answers)
                .hasSize(200)
                .allSatisfy(a -> assertThat(a.result().code()).isEqualTo(ResultCode.VALID));
        assertThat(GATEWAY.cardCheckCalls() - before).isEqualTo(1);
    }

    @Test
    void aLeaseLeftByADeadReplicaRunsOutAndTheOthersStillShareOneCall() throws Exception {
        CardQuery expired = StandIns.byCccd(GATEWAY.population().person("expired"));
        checks(bridgeA).check(StandIns.byCccd(GATEWAY.population().person("army")), StandIns.CLERK, FACILITY);
        String key = new CacheKeys(Base64.getDecoder().decode(CACHE_KEY))
                .of(expired.maThe(), FACILITY, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        try (Jedis jedis = new Jedis("127.0.0.1", primary.port())) {
            // a replica took the lease and died before it asked the gateway
            jedis.set(
                    PREFIX + "lock:eligibility:" + key,
                    "dead-replica",
                    SetParams.setParams().px(1500));
        }
        long before = GATEWAY.cardCheckCalls();

        List<CheckOutcome> answers = concurrently(20, expired);

        assertThat(answers)
                .hasSize(20)
                .allSatisfy(a -> assertThat(a.result().code()).isEqualTo(ResultCode.EXPIRED));
        assertThat(GATEWAY.cardCheckCalls() - before).isEqualTo(1);
    }

    /** {@code n} checks at once, alternating between the two bridges. */
    private static List<CheckOutcome> concurrently(int n, CardQuery query) throws Exception {
        List<Callable<CheckOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CoverageChecks checks = checks(i % 2 == 0 ? bridgeA : bridgeB);
            calls.add(() -> checks.check(query, StandIns.CLERK, FACILITY));
        }
        List<CheckOutcome> answers = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<CheckOutcome> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        }
        return answers;
    }

    private static CoverageChecks checks(ConfigurableApplicationContext bridge) {
        return bridge.getBean(CoverageChecks.class);
    }

    private static ConfigurableApplicationContext bridge() {
        // arguments, not default properties: they must win over application.yml (server.port 8081)
        return new SpringApplicationBuilder(BridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--healthid.security.issuer=" + TestIssuer.shared().issuer(),
                        "--healthid.store.redis-url=" + primary.url(),
                        "--healthid.store.key-prefix=" + PREFIX,
                        "--healthid.gateway.base-url=" + GATEWAY.baseUrl(),
                        "--healthid.gateway.username=" + GATEWAY.credentials().username(),
                        "--healthid.gateway.password=" + GATEWAY.credentials().password(),
                        "--healthid.gateway.cache.key=" + CACHE_KEY);
    }
}
