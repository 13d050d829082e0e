package vn.healthid.bridge.coverage.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the gateway session is kept so that every bridge replica shares one (the gateway may
 * limit sessions per account). Implementations must not throw on a store outage: they return
 * empty and the caller takes a token of its own.
 */
public interface TokenCache {

    Optional<GatewayToken> get(String username);

    void put(GatewayToken token, Duration ttl);

    /** Forget {@code token} if it is still the one stored (another replica may have renewed it). */
    void evict(GatewayToken token);
}
