package vn.healthid.identity.keycloak.abuse;

import java.time.Duration;

/**
 * The abuse settings (defaults and option names in {@code service.ChipSettings}; the table users read is in
 * docs/chip-login.md, sections 7 and 8).
 *
 * @param failuresPerSession refused proofs in one browser authentication session before it is locked
 * @param failuresPerAddress refused proofs from one source address before it is locked
 * @param failuresPerClient refused proofs through one confidential client before it is locked
 * @param lockout how long the failures are counted, and how long a lock lasts
 * @param rateWindow the window of every rate limit
 * @param challenge challenges issued at {@code /cccd/challenge}
 * @param grant chip grants at the token endpoint
 * @param phone posts to the phone callback
 * @param phoneMaxBytes largest bundle the phone callback keeps for a waiting browser
 */
public record AbuseLimits(
        int failuresPerSession,
        int failuresPerAddress,
        int failuresPerClient,
        Duration lockout,
        Duration rateWindow,
        Rate challenge,
        Rate grant,
        Rate phone,
        int phoneMaxBytes) {

    /** Requests per {@code rateWindow}, per client and per source address. */
    public record Rate(int perClient, int perAddress) {}
}
