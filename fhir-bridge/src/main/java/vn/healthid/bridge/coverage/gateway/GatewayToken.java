package vn.healthid.bridge.coverage.gateway;

import java.time.Instant;

/** A gateway session (APIKey). A secret: never logged; toString shows nothing of it. */
public record GatewayToken(String accessToken, String idToken, String username, Instant expiresAt) {

    public boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "GatewayToken[user=" + username + ", expiresAt=" + expiresAt + "]";
    }
}
