package vn.healthid.bridge.coverage.cache;

import java.time.Duration;
import java.util.Optional;
import vn.healthid.bridge.coverage.gateway.GatewayToken;
import vn.healthid.bridge.coverage.gateway.TokenCache;

/**
 * No shared copy: without {@code healthid.gateway.token-encryption-key} the gateway session stays
 * in the memory of the replica that took it ({@code GatewayTokenSource} keeps its own copy), and
 * each replica takes its own session.
 */
public final class ProcessOnlyTokenCache implements TokenCache {

    @Override
    public Optional<GatewayToken> get(String username) {
        return Optional.empty();
    }

    @Override
    public void put(GatewayToken token, Duration ttl) {
        // never written out in clear
    }

    @Override
    public void evict(GatewayToken token) {
        // nothing shared to forget
    }
}
