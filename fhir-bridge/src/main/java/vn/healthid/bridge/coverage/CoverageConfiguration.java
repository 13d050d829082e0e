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
import vn.healthid.bridge.config.SecurityProperties;
import vn.healthid.bridge.coverage.access.AccessSettings;
import vn.healthid.bridge.coverage.access.ConsentAccess;
import vn.healthid.bridge.coverage.access.CoverageAccess;
import vn.healthid.bridge.coverage.access.RegisteredIdentities;
import vn.healthid.bridge.coverage.cache.AnswerCache;
import vn.healthid.bridge.coverage.cache.CacheKeys;
import vn.healthid.bridge.coverage.cache.ProcessOnlyTokenCache;
import vn.healthid.bridge.coverage.cache.SharedFlight;
import vn.healthid.bridge.coverage.cache.StoredTokenCache;
import vn.healthid.bridge.coverage.cache.TokenSealer;
import vn.healthid.bridge.coverage.check.CoverageChecks;
import vn.healthid.bridge.coverage.check.Freshness;
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
import vn.healthid.bridge.store.Leases;
import vn.healthid.bridge.store.Outage;
import vn.healthid.bridge.store.ResilientLeases;
import vn.healthid.bridge.store.ResilientTtlCache;
import vn.healthid.bridge.store.TtlCache;

/**
 * The coverage feature's beans; on only when {@code healthid.gateway.base-url} is set. The FHIR
 * server picks {@link EligibilityProvider} up as an {@code IResourceProvider} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
@ConditionalOnProperty(prefix = "healthid.gateway", name = "base-url")
public class CoverageConfiguration {

    /** The store as this feature uses it: an outage makes cache misses and gateway calls, never errors. */
    private final Outage outage = new Outage("coverage cache");

    @Bean
    GatewayClient gatewayClient(GatewayProperties p, TtlCache cache, ObjectMapper mapper, Clock clock) {
        var settings = new GatewaySettings(
                p.baseUrl(),
                p.username(),
                p.password(),
                p.connectTimeout(),
                p.requestTimeout(),
                p.maxResponseBytes(),
                p.tokenTtl());
        return new GatewayClient(settings, tokenCache(p, new ResilientTtlCache(cache, outage), mapper), mapper, clock);
    }

    /** Sealed in the shared store with a key; without one, never written out (README, "Gateway session"). */
    private static TokenCache tokenCache(GatewayProperties p, TtlCache store, ObjectMapper mapper) {
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
            GatewayProperties p,
            GatewayClient client,
            CircuitBreaker gatewayCircuitBreaker,
            TtlCache cache,
            Leases leases,
            ObjectMapper mapper,
            Clock clock) {
        return new CoverageChecks(
                client,
                gatewayCircuitBreaker,
                new AnswerCache(
                        new ResilientTtlCache(cache, outage),
                        mapper,
                        clock,
                        p.cache().maxStale()),
                new CacheKeys(Base64.getDecoder().decode(p.cache().key())),
                new CardCheckParser(mapper),
                new Freshness(clock, ZoneId.of(p.zone()), p.cache().ttl()),
                new SharedFlight(
                        new ResilientLeases(leases, outage),
                        p.cache().lockLease(),
                        p.cache().lockPoll()),
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
    EligibilityService eligibilityService(
            GatewayProperties p, CoverageChecks checks, CoverageAccess access, Clock clock) {
        var translator = new EligibilityTranslator(new CoverageTranslator(), BenefitLevels.load());
        return new EligibilityService(access, checks, translator, p.facilities(), clock);
    }

    @Bean
    CoverageSearchProvider coverageSearchProvider(GatewayProperties p, CoverageAccess access, CoverageChecks checks) {
        return new CoverageSearchProvider(new CoverageSearch(access, checks, new CoverageTranslator()));
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
            GatewayProperties p,
            CoverageAccess access,
            GatewayClient client,
            CircuitBreaker gatewayCircuitBreaker,
            Clock clock) {
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
