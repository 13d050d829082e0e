package vn.healthid.bridge.coverage.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthid.bridge.coverage.StandIns.CLERK;
import static vn.healthid.bridge.coverage.StandIns.byCccd;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPool;
import vn.healthid.bridge.coverage.MutableClock;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.TcpProxy;
import vn.healthid.bridge.coverage.cache.AnswerCache;
import vn.healthid.bridge.coverage.cache.CacheKeys;
import vn.healthid.bridge.coverage.cache.SharedFlight;
import vn.healthid.bridge.coverage.cache.StoredTokenCache;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.gateway.CardCheckParser;
import vn.healthid.bridge.coverage.gateway.CardQuery;
import vn.healthid.bridge.coverage.gateway.GatewayClient;
import vn.healthid.bridge.coverage.gateway.ResultCode;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.store.Outage;
import vn.healthid.bridge.store.ResilientLeases;
import vn.healthid.bridge.store.ResilientTtlCache;
import vn.healthid.bridge.store.redis.RedisKeys;
import vn.healthid.bridge.store.redis.RedisLeases;
import vn.healthid.bridge.store.redis.RedisTtlCache;
import vn.healthid.sandbox.gateway.FaultMode;
import vn.healthid.sandbox.gateway.GatewayStandIn;

/** The check pipeline against the stand-in and the real Redis (through a relay the tests can stop). */
class CoverageChecksIT {

    static final String FACILITY = "79071";
    static final Duration TTL = Duration.ofMinutes(10);
    static final Duration MAX_STALE = Duration.ofMinutes(30);

    static GatewayStandIn gateway;
    final ObjectMapper mapper = new ObjectMapper();
    // Noon in Vietnam, so that the end of the local day never cuts the TTL short in these tests.
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T05:00:00Z"));
    TcpProxy redis;
    JedisPool pool;
    Outage outage;
    ResilientTtlCache store;
    ResilientLeases leases;
    CoverageChecks checks;

    @BeforeAll
    static void start() {
        gateway = GatewayStandIn.start(0);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @BeforeEach
    void wire() throws Exception {
        gateway.faults().reset();
        redis = new TcpProxy(6379).start();
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(250)
                .socketTimeoutMillis(250)
                .build();
        pool = new JedisPool(new HostAndPort("127.0.0.1", redis.port()), config);
        var keys = new RedisKeys("healthid:test:" + UUID.randomUUID() + ":");
        outage = new Outage("test coverage cache");
        store = new ResilientTtlCache(new RedisTtlCache(pool, keys), outage);
        leases = new ResilientLeases(new RedisLeases(pool, keys), outage);
        checks = checks(CircuitBreaker.ofDefaults("test"), Duration.ofSeconds(2));
    }

    CoverageChecks checks(CircuitBreaker breaker, Duration timeout) {
        var client = new GatewayClient(
                StandIns.settings(gateway, timeout),
                new StoredTokenCache(store, mapper, StandIns.SEALER),
                mapper,
                clock);
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret); // fresh keys per test: no cross-test cache hits in the shared Redis
        return new CoverageChecks(
                client,
                breaker,
                new AnswerCache(store, mapper, clock, MAX_STALE),
                new CacheKeys(secret),
                new CardCheckParser(mapper),
                new Freshness(clock, ZoneId.of("Asia/Ho_Chi_Minh"), TTL),
                new SharedFlight(leases, Duration.ofSeconds(5), Duration.ofMillis(20)),
                clock);
    }

    @AfterEach
    void unwire() throws Exception {
        pool.close();
        redis.close();
    }

    @Test
    void servesTheSecondCheckFromTheCache() {
        var valid = byCccd(gateway.population().person("valid"));
        long before = gateway.cardCheckCalls();
        assertThat(checks.check(valid, CLERK, FACILITY).source()).isEqualTo(CheckOutcome.Source.GATEWAY);
        var second = checks.check(valid, CLERK, FACILITY);
        assertThat(second.source()).isEqualTo(CheckOutcome.Source.CACHE);
        assertThat(second.result().code()).isEqualTo(ResultCode.VALID);
        assertThat(gateway.cardCheckCalls() - before).isEqualTo(1);
    }

    @Test
    void doesNotCacheAnswersAboutTheInput() {
        var wrongName = new CardQuery("079090000101", "Trần Văn An", LocalDate.of(1990, 3, 15));
        long before = gateway.cardCheckCalls();
        checks.check(wrongName, CLERK, FACILITY);
        checks.check(wrongName, CLERK, FACILITY);
        assertThat(gateway.cardCheckCalls() - before).isEqualTo(2);
    }

    @Test
    void twoHundredConcurrentIdenticalChecksMakeOneGatewayCall() throws Exception {
        var valid = byCccd(gateway.population().person("valid"));
        checks.check(byCccd(gateway.population().person("army")), CLERK, FACILITY); // token taken beforehand
        gateway.faults().latency(Duration.ofMillis(300));
        long before = gateway.cardCheckCalls();
        var go = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<CheckOutcome>>();
            for (int i = 0; i < 200; i++) {
                Callable<CheckOutcome> task = () -> {
                    go.await();
                    return checks.check(valid, CLERK, FACILITY);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            for (var f : futures) {
                assertThat(f.get().result().code()).isEqualTo(ResultCode.VALID);
            }
        }
        assertThat(gateway.cardCheckCalls() - before).isEqualTo(1);
    }

    @Test
    void servesTheLastGoodAnswerTaggedStaleWhenTheGatewayFails() {
        var valid = byCccd(gateway.population().person("valid"));
        checks.check(valid, CLERK, FACILITY);
        clock.advance(TTL.plusMinutes(1));
        gateway.faults().mode(FaultMode.SERVER_ERROR);
        var outcome = checks.check(valid, CLERK, FACILITY);
        assertThat(outcome.stale()).isTrue();
        assertThat(outcome.result().code()).isEqualTo(ResultCode.VALID);
    }

    @Test
    void servesStaleWhenTheGatewayTimesOut() {
        checks = checks(CircuitBreaker.ofDefaults("t"), Duration.ofMillis(200));
        var valid = byCccd(gateway.population().person("valid"));
        checks.check(valid, CLERK, FACILITY);
        clock.advance(TTL.plusMinutes(1));
        gateway.faults().latency(Duration.ofSeconds(1));
        assertThat(checks.check(valid, CLERK, FACILITY).stale()).isTrue();
    }

    @Test
    void refusesAStaleAnswerOlderThanTheBound() {
        var valid = byCccd(gateway.population().person("valid"));
        checks.check(valid, CLERK, FACILITY);
        clock.advance(MAX_STALE.plusMinutes(1));
        gateway.faults().mode(FaultMode.CONNECTION_RESET);
        assertThatThrownBy(() -> checks.check(valid, CLERK, FACILITY))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(CoverageError.COVERAGE_GATEWAY_UNAVAILABLE));
    }

    @Test
    void answersTimeoutWhenTheGatewayIsSlowAndNothingIsCached() {
        checks = checks(CircuitBreaker.ofDefaults("t"), Duration.ofMillis(200));
        checks.check(byCccd(gateway.population().person("army")), CLERK, FACILITY); // token first
        gateway.faults().latency(Duration.ofSeconds(1));
        var valid = byCccd(gateway.population().person("valid"));
        assertThatThrownBy(() -> checks.check(valid, CLERK, FACILITY))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(CoverageError.COVERAGE_GATEWAY_TIMEOUT));
    }

    @Test
    void garbageFromTheGatewayIsUnavailableNotAnAnswer() {
        gateway.faults().mode(FaultMode.MALFORMED_JSON);
        var valid = byCccd(gateway.population().person("valid"));
        assertThatThrownBy(() -> checks.check(valid, CLERK, FACILITY)).isInstanceOf(BridgeFhirException.class);
    }

    @Test
    void openCircuitStopsCallingTheGateway() {
        var breaker = CircuitBreaker.of(
                "t",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(4)
                        .minimumNumberOfCalls(4)
                        .waitDurationInOpenState(Duration.ofMinutes(5))
                        .build());
        checks = checks(breaker, Duration.ofSeconds(2));
        gateway.faults().mode(FaultMode.SERVER_ERROR);
        var valid = byCccd(gateway.population().person("valid"));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> checks.check(valid, CLERK, FACILITY)).isInstanceOf(BridgeFhirException.class);
        }
        long before = gateway.cardCheckCalls();
        assertThatThrownBy(() -> checks.check(valid, CLERK, FACILITY)).isInstanceOf(BridgeFhirException.class);
        assertThat(gateway.cardCheckCalls()).isEqualTo(before);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void keepsAnsweringWithoutRedisAndCachesAgainWhenItReturns() throws Exception {
        // Redis is down from the start (the relay's port is closed), so no pooled connection survives.
        redis.stop();
        var valid = byCccd(gateway.population().person("valid"));
        long before = gateway.cardCheckCalls();
        var withoutRedis = checks.check(valid, CLERK, FACILITY);
        assertThat(withoutRedis.result().code()).isEqualTo(ResultCode.VALID);
        assertThat(outage.isDown()).isTrue();
        checks.check(valid, CLERK, FACILITY);
        assertThat(gateway.cardCheckCalls() - before).isEqualTo(2);
        redis.start();
        checks.check(valid, CLERK, FACILITY);
        var cached = checks.check(valid, CLERK, FACILITY);
        assertThat(cached.source()).isEqualTo(CheckOutcome.Source.CACHE);
        assertThat(outage.isDown()).isFalse();
        assertThat(gateway.cardCheckCalls() - before).isEqualTo(3);
    }

    @Test
    void survivesTokenExpiryInTheMiddleOfARun() {
        var people = gateway.population().people();
        long before = 0;
        for (int i = 0; i < people.size(); i++) {
            if (i == people.size() / 2) {
                gateway.expireTokens();
                before = gateway.tokensIssued();
            }
            var outcome = checks.check(byCccd(people.get(i)), CLERK, FACILITY);
            assertThat(outcome.result().code().code()).isEqualTo(people.get(i).status());
        }
        assertThat(gateway.tokensIssued() - before).isEqualTo(1);
    }
}
