package vn.healthid.bridge.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import vn.healthid.bridge.config.SecurityProperties;
import vn.healthid.bridge.coverage.access.AccessSettings;
import vn.healthid.bridge.coverage.access.ConsentAccess;
import vn.healthid.bridge.coverage.access.CoverageAccess;
import vn.healthid.bridge.coverage.access.RegisteredIdentities;
import vn.healthid.bridge.coverage.cache.AnswerCache;
import vn.healthid.bridge.coverage.cache.CacheKeys;
import vn.healthid.bridge.coverage.cache.CoverageStore;
import vn.healthid.bridge.coverage.cache.InMemoryCoverageStore;
import vn.healthid.bridge.coverage.cache.ProcessOnlyTokenCache;
import vn.healthid.bridge.coverage.cache.RedisCoverageStore;
import vn.healthid.bridge.coverage.cache.ResilientStore;
import vn.healthid.bridge.coverage.cache.StoredTokenCache;
import vn.healthid.bridge.coverage.cache.TokenSealer;
import vn.healthid.bridge.coverage.cache.TtlCacheCoverageStore;
import vn.healthid.bridge.coverage.fhir.BenefitLevels;
import vn.healthid.bridge.coverage.fhir.CoverageTranslator;
import vn.healthid.bridge.coverage.fhir.EligibilityTranslator;
import vn.healthid.bridge.coverage.fhir.EncounterTranslator;
import vn.healthid.bridge.coverage.gateway.CardCheckParser;
import vn.healthid.bridge.coverage.gateway.GatewayClient;
import vn.healthid.bridge.coverage.gateway.GatewayException;
import vn.healthid.bridge.coverage.gateway.GatewaySettings;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.coverage.gateway.TokenCache;
import vn.healthid.bridge.coverage.history.BhytHistoryProvider;
import vn.healthid.bridge.coverage.history.HistoryAuthorizationRules;
import vn.healthid.bridge.coverage.history.TreatmentHistory;
import vn.healthid.bridge.patient.PatientRegistry;
import vn.healthid.bridge.patient.PatientTranslator;
import vn.healthid.bridge.store.TtlCache;

/**
 * The coverage feature's beans; on only when {@code healthid.gateway.base-url} is set. The FHIR
 * server picks {@link EligibilityProvider} up as an {@code IResourceProvider} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
@ConditionalOnProperty(prefix = "healthid.gateway", name = "base-url")
public class CoverageConfiguration {

    // Jackson 2, private to this feature (Spring Boot 4's own mapper is Jackson 3).
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();

    @Bean
    CoverageStore coverageStore(GatewayProperties p, ObjectProvider<TtlCache> shared) {
        var store = p.store();
        if ("memory".equalsIgnoreCase(store.type())) {
            return new InMemoryCoverageStore(clock);
        }
        var sharedCache = shared.getIfUnique();
        if ("shared".equalsIgnoreCase(store.type()) && sharedCache != null) {
            return new ResilientStore(new TtlCacheCoverageStore(sharedCache));
        }
        var uri = store.redisUri();
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) store.timeout().toMillis())
                .socketTimeoutMillis((int) store.timeout().toMillis());
        var userInfo = uri.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            config.password(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        var jedis = new JedisPooled(
                new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), config.build());
        return new ResilientStore(new RedisCoverageStore(jedis));
    }

    @Bean
    GatewayClient gatewayClient(GatewayProperties p, CoverageStore store) {
        var settings = new GatewaySettings(
                p.baseUrl(),
                p.username(),
                p.password(),
                p.connectTimeout(),
                p.requestTimeout(),
                p.maxResponseBytes(),
                p.tokenTtl());
        return new GatewayClient(settings, tokenCache(p, store), mapper, clock);
    }

    /** Sealed in the shared store with a key; without one, never written out (README, "Gateway session"). */
    private TokenCache tokenCache(GatewayProperties p, CoverageStore store) {
        if (!p.tokenEncryptionConfigured()) {
            return new ProcessOnlyTokenCache();
        }
        return new StoredTokenCache(store, mapper, TokenSealer.fromBase64(p.tokenEncryptionKey()));
    }

    @Bean
    CircuitBreaker gatewayCircuitBreaker(GatewayProperties p) {
        var b = p.circuitBreaker();
        return CircuitBreaker.of(
                "insurance-gateway",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(b.failureRateThreshold())
                        .slidingWindowSize(b.slidingWindowSize())
                        .minimumNumberOfCalls(b.minimumNumberOfCalls())
                        .waitDurationInOpenState(b.waitInOpenState())
                        .recordExceptions(GatewayException.class)
                        .build());
    }

    @Bean
    CoverageChecks coverageChecks(
            GatewayProperties p, GatewayClient client, CircuitBreaker gatewayCircuitBreaker, CoverageStore store) {
        var zone = ZoneId.of(p.zone());
        return new CoverageChecks(
                client,
                gatewayCircuitBreaker,
                new AnswerCache(store, mapper, clock, p.cache().maxStale()),
                new CacheKeys(Base64.getDecoder().decode(p.cache().key())),
                new CardCheckParser(mapper),
                new Freshness(clock, zone, p.cache().ttl()),
                clock);
    }

    @Bean
    CoverageAccess coverageAccess(
            GatewayProperties p,
            SecurityProperties security,
            ObjectProvider<ConsentAccess> consents,
            ObjectProvider<PatientRegistry> patients,
            ObjectProvider<PatientTranslator> translator) {
        var a = p.access();
        // Both set, or self-service is off (compose passes empty values for "off").
        var selfService = isBlank(a.selfServiceStaffName()) || isBlank(a.selfServiceStaffNationalId())
                ? null
                : new StaffIdentity(a.selfServiceStaffName(), a.selfServiceStaffNationalId());
        var registry = patients.getIfAvailable();
        return new CoverageAccess(
                new AccessSettings(Set.copyOf(a.chipAcrs()), security.staffTokenHeader(), selfService),
                consents.getIfAvailable(() -> ConsentAccess.NONE),
                registry == null
                        ? RegisteredIdentities.none()
                        : new RegisteredIdentities(registry, translator.getObject()));
    }

    @Bean
    EligibilityService eligibilityService(GatewayProperties p, CoverageChecks checks, CoverageAccess access) {
        var translator = new EligibilityTranslator(new CoverageTranslator(), BenefitLevels.load());
        return new EligibilityService(access, checks, translator, p.facilities(), clock);
    }

    @Bean
    CoverageSearchProvider coverageSearchProvider(GatewayProperties p, CoverageAccess access, CoverageChecks checks) {
        return new CoverageSearchProvider(access, checks, new CoverageTranslator());
    }

    @Bean
    EligibilityProvider eligibilityProvider(GatewayProperties p, EligibilityService service) {
        return new EligibilityProvider(service);
    }

    @Bean
    EligibilityAuthorizationRules eligibilityAuthorizationRules() {
        return new EligibilityAuthorizationRules();
    }

    @Bean
    TreatmentHistory treatmentHistory(
            GatewayProperties p, CoverageAccess access, GatewayClient client, CircuitBreaker gatewayCircuitBreaker) {
        return new TreatmentHistory(
                access, client, gatewayCircuitBreaker, new EncounterTranslator(ZoneId.of(p.zone())), clock);
    }

    @Bean
    BhytHistoryProvider bhytHistoryProvider(GatewayProperties p, TreatmentHistory history) {
        return new BhytHistoryProvider(history);
    }

    @Bean
    HistoryAuthorizationRules historyAuthorizationRules() {
        return new HistoryAuthorizationRules();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
