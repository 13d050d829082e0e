package vn.healthid.bridge.coverage.check;

import java.time.Instant;
import vn.healthid.bridge.coverage.gateway.CardCheckResult;

/** A card-check answer and where it came from: live, cached (fresh) or cached past freshness (stale). */
public record CheckOutcome(CardCheckResult result, Instant fetchedAt, Source source) {

    public enum Source {
        GATEWAY,
        CACHE,
        STALE_CACHE
    }

    public boolean stale() {
        return source == Source.STALE_CACHE;
    }
}
