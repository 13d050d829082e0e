package vn.healthid.bridge.coverage.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.healthid.bridge.coverage.gateway.CardCheckResult;

/**
 * How long an answer stays fresh: the configured TTL, never past the end of the local day and,
 * for an insured answer, never past the last day of the card's validity.
 */
public final class Freshness {

    private final Clock clock;
    private final ZoneId zone;
    private final Duration ttl;

    public Freshness(Clock clock, ZoneId zone, Duration ttl) {
        this.clock = clock;
        this.zone = zone;
        this.ttl = ttl;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Instant freshUntil(CardCheckResult result) {
        var now = clock.instant();
        var until = now.plus(ttl);
        var endOfDay = today().plusDays(1).atStartOfDay(zone).toInstant();
        if (endOfDay.isBefore(until)) {
            until = endOfDay;
        }
        var validTo = result.effectiveValidTo();
        if (result.code().meaning().inforce() && validTo != null) {
            var endOfValidity = validTo.plusDays(1).atStartOfDay(zone).toInstant();
            if (endOfValidity.isBefore(until)) {
                until = endOfValidity;
            }
        }
        return until;
    }
}
