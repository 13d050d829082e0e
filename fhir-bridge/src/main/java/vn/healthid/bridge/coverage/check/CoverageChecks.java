package vn.healthid.bridge.coverage.check;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.Optional;
import vn.healthid.bridge.coverage.cache.AnswerCache;
import vn.healthid.bridge.coverage.cache.CacheKeys;
import vn.healthid.bridge.coverage.cache.SharedFlight;
import vn.healthid.bridge.coverage.cache.SingleFlight;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.gateway.CardCheckParser;
import vn.healthid.bridge.coverage.gateway.CardQuery;
import vn.healthid.bridge.coverage.gateway.GatewayClient;
import vn.healthid.bridge.coverage.gateway.GatewayException;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.fhir.BridgeFhirException;

/**
 * One card check as the bridge serves it: a fresh cached answer when there is one; else one
 * gateway call per key at a time, on this replica ({@link SingleFlight}) and across replicas
 * ({@link SharedFlight}: a lease in the store, {@code lock:eligibility:<key>}), behind a circuit breaker; when the gateway fails,
 * the last good answer tagged stale while it is young enough; else 503 / 504 ({@link CoverageError#gatewayFailed}).
 */
public final class CoverageChecks {

    private final GatewayClient gateway;
    private final CircuitBreaker breaker;
    private final AnswerCache cache;
    private final CacheKeys keys;
    private final CardCheckParser parser;
    private final Freshness freshness;
    private final Clock clock;
    private final SharedFlight replicas;
    private final SingleFlight<String, CheckOutcome> flights = new SingleFlight<>();

    public CoverageChecks(
            GatewayClient gateway,
            CircuitBreaker breaker,
            AnswerCache cache,
            CacheKeys keys,
            CardCheckParser parser,
            Freshness freshness,
            SharedFlight replicas,
            Clock clock) {
        this.gateway = gateway;
        this.breaker = breaker;
        this.cache = cache;
        this.keys = keys;
        this.parser = parser;
        this.freshness = freshness;
        this.replicas = replicas;
        this.clock = clock;
    }

    public CheckOutcome check(CardQuery query, StaffIdentity staff, String facility) {
        var key = keys.of(query.maThe(), facility, freshness.today());
        long readAt = System.nanoTime();
        var cached = cache.read(key);
        if (cached.isPresent() && cached.get().freshAt(clock.instant())) {
            return fromCache(cached.get(), CheckOutcome.Source.CACHE);
        }
        return flights.run(key, () -> {
            if (!flights.endedSince(key, readAt)) {
                return acrossReplicas(key, query, staff, cached);
            }
            // A flight that ended between our read and now has just cached its answer.
            var again = cache.read(key);
            if (again.isPresent() && again.get().freshAt(clock.instant())) {
                return fromCache(again.get(), CheckOutcome.Source.CACHE);
            }
            return acrossReplicas(key, query, staff, again.isPresent() ? again : cached);
        });
    }

    private CheckOutcome acrossReplicas(
            String key, CardQuery query, StaffIdentity staff, Optional<AnswerCache.Cached> cached) {
        return replicas.run("eligibility:" + key, () -> fresh(key), () -> {
            var again = cache.read(key);
            return fetch(key, query, staff, again.isPresent() ? again : cached);
        });
    }

    private Optional<CheckOutcome> fresh(String key) {
        return cache.read(key)
                .filter(c -> c.freshAt(clock.instant()))
                .map(c -> fromCache(c, CheckOutcome.Source.CACHE));
    }

    private CheckOutcome fetch(String key, CardQuery query, StaffIdentity staff, Optional<AnswerCache.Cached> cached) {
        try {
            var result = breaker.executeSupplier(() -> gateway.checkCard(query, staff));
            if (result.code().meaning().cacheable()) {
                cache.write(key, result.json(), freshness.freshUntil(result));
            }
            return new CheckOutcome(result, clock.instant(), CheckOutcome.Source.GATEWAY);
        } catch (GatewayException e) {
            return staleOr(cached, e.kind() == GatewayException.Kind.TIMEOUT, e.getMessage());
        } catch (CallNotPermittedException e) {
            return staleOr(cached, false, "gateway circuit open");
        }
    }

    private CheckOutcome staleOr(Optional<AnswerCache.Cached> cached, boolean timeout, String why) {
        if (cached.isPresent() && cache.servableStale(cached.get())) {
            return fromCache(cached.get(), CheckOutcome.Source.STALE_CACHE);
        }
        throw new BridgeFhirException(CoverageError.gatewayFailed(timeout));
    }

    private CheckOutcome fromCache(AnswerCache.Cached cached, CheckOutcome.Source source) {
        return new CheckOutcome(parser.parse(cached.gatewayJson()), cached.fetchedAt(), source);
    }
}
