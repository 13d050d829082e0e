package vn.healthid.bridge.coverage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPooled;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.gateway.GatewayClient;
import vn.healthid.bridge.coverage.gateway.GatewaySettings;
import vn.healthid.bridge.coverage.gateway.GatewayToken;
import vn.healthid.bridge.store.redis.RedisKeys;
import vn.healthid.bridge.store.redis.RedisTtlCache;
import vn.healthid.sandbox.gateway.Credentials;
import vn.healthid.sandbox.gateway.GatewayStandIn;
import vn.healthid.sandbox.gateway.Population;

/**
 * Someone who reads Redis must not find the insurance gateway's session there (issue 14 item 15):
 * against the real Redis, the stored value holds neither token, opens back to the session, and a
 * changed value is a miss that makes the bridge take a new session, never a token it sends.
 */
class SealedGatewayTokenOnRedisIT {

    private final ObjectMapper mapper = new ObjectMapper();
    private final String username = "bridgesessions-test-" + UUID.randomUUID();
    private final String other = "bridgesessions-test-" + UUID.randomUUID();
    private static final String PREFIX = "healthid:";
    private JedisPooled jedis;
    private JedisPool pool;
    private StoredTokenCache cache;

    @BeforeEach
    void connect() {
        jedis = new JedisPooled(new HostAndPort("127.0.0.1", 6379));
        pool = new JedisPool("127.0.0.1", 6379);
        cache = new StoredTokenCache(new RedisTtlCache(pool, new RedisKeys(PREFIX)), mapper, StandIns.SEALER);
    }

    /** Where the store keeps a user's session: the bridge's cache key of {@link StoredTokenCache#keyOf}. */
    private static String redisKey(String user) {
        return PREFIX + "cache:" + StoredTokenCache.keyOf(user);
    }

    @AfterEach
    void removeKeys() {
        jedis.del(redisKey(username), redisKey(other));
        jedis.close();
        pool.close();
    }

    @Test
    void storedValueHoldsNeitherTokenAndOpensBackToTheSession() {
        GatewayToken token = token("access-secret-0123456789", "id-secret-9876543210");

        cache.put(token, Duration.ofMinutes(5));

        String stored = jedis.get(redisKey(username));
        assertThat(stored)
                .startsWith("g1.")
                .doesNotContain("access-secret")
                .doesNotContain("id-secret")
                .doesNotContain(username);
        assertThat(cache.get(username)).contains(token);
    }

    @Test
    void everyWriteUsesAFreshNonce() {
        GatewayToken token = token("access-secret-0123456789", "id-secret-9876543210");

        cache.put(token, Duration.ofMinutes(5));
        String first = jedis.get(redisKey(username));
        cache.put(token, Duration.ofMinutes(5));

        assertThat(jedis.get(redisKey(username))).isNotEqualTo(first);
    }

    @Test
    void tamperedValueIsAMiss() {
        cache.put(token("access-secret-0123456789", "id-secret-9876543210"), Duration.ofMinutes(5));
        String key = redisKey(username);
        String stored = jedis.get(key);
        int middle = stored.length() / 2;
        char flipped = stored.charAt(middle) == 'A' ? 'B' : 'A';
        jedis.set(key, stored.substring(0, middle) + flipped + stored.substring(middle + 1));

        assertThat(cache.get(username)).isEmpty();
    }

    @Test
    void plaintextValueOfTheOlderFormatIsAMiss() {
        jedis.set(
                redisKey(username),
                "{\"accessToken\":\"planted\",\"idToken\":\"planted\",\"username\":\"" + username
                        + "\",\"expiresAtMillis\":"
                        + Instant.now().plusSeconds(600).toEpochMilli() + "}");

        assertThat(cache.get(username)).isEmpty();
    }

    @Test
    void valueCopiedUnderAnotherAccountDoesNotOpen() {
        cache.put(token("access-secret-0123456789", "id-secret-9876543210"), Duration.ofMinutes(5));

        jedis.set(redisKey(other), jedis.get(redisKey(username)));

        assertThat(cache.get(other)).isEmpty();
    }

    @Test
    void evictRemovesTheStoredSessionOnlyWhileItIsStillTheSame() {
        GatewayToken first = token("access-1", "id-1");
        GatewayToken renewed = token("access-2", "id-2");
        cache.put(renewed, Duration.ofMinutes(5));

        cache.evict(first);
        assertThat(cache.get(username)).contains(renewed);

        cache.evict(renewed);
        assertThat(cache.get(username)).isEmpty();
    }

    @Test
    void replicaFindingATamperedSessionTakesANewOneFromTheGateway() {
        GatewayStandIn gateway = GatewayStandIn.start(
                0, Population.defaults(), new Credentials(username, "test-password"), Duration.ofMinutes(30));
        try {
            var valid = StandIns.byCccd(gateway.population().person("valid"));
            replica(gateway).checkCard(valid, StandIns.CLERK);
            assertThat(gateway.tokensIssued()).isEqualTo(1);
            String key = redisKey(username);
            String stored = jedis.get(key);
            jedis.set(key, "g1.AAAA" + stored.substring("g1.AAAA".length()));

            var result = replica(gateway).checkCard(valid, StandIns.CLERK);

            assertThat(result.code().name()).isEqualTo("VALID");
            assertThat(gateway.tokensIssued()).isEqualTo(2);
            assertThat(cache.get(username)).isPresent();
        } finally {
            gateway.stop();
        }
    }

    @Test
    void refusesAKeyThatIsNotBase64Of32Bytes() {
        assertThatThrownBy(() -> TokenSealer.fromBase64("c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TokenSealer.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64");
    }

    /** A fresh bridge replica: no session in its own memory, only the shared store. */
    private GatewayClient replica(GatewayStandIn gateway) {
        var settings = new GatewaySettings(
                URI.create(gateway.baseUrl()),
                username,
                "test-password",
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                65536,
                Duration.ofMinutes(30));
        return new GatewayClient(settings, cache, mapper, Clock.systemUTC());
    }

    private GatewayToken token(String access, String id) {
        return new GatewayToken(
                access,
                id,
                username,
                Instant.ofEpochMilli(Instant.now().plusSeconds(600).toEpochMilli()));
    }
}
