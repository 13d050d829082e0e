package vn.healthid.identity.keycloak.logout;

import org.keycloak.models.RealmModel;
import vn.healthid.identity.keycloak.redis.RedisSettings;

/**
 * Typed options of the ended-session listener ({@code --spi-events-listener--healthid-logout--<option>}).
 *
 * @param enabled false turns the listener into a no-op
 * @param keyPrefix the bridge's {@code healthid.store.key-prefix}: keys are {@code <keyPrefix>revoked-sid:<sid>}
 * @param realm the only realm whose ended sessions are written
 * @param clockSkewSeconds how long past {@code exp} the bridge still accepts a token (its
 *     {@code healthid.security.clock-skew})
 * @param redis the bridge's Redis; by default the audit listener's options
 */
public record EndedSessionConfig(
        boolean enabled, String keyPrefix, String realm, int clockSkewSeconds, RedisSettings redis) {

    public static final String DEFAULT_KEY_PREFIX = "healthid:";
    public static final String DEFAULT_REALM = "health";
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 30;

    public EndedSessionConfig {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("key-prefix must not be blank");
        }
        if (clockSkewSeconds < 0) {
            throw new IllegalArgumentException("clock-skew-seconds must not be negative");
        }
    }

    /** The key the bridge's {@code store/EndedSessions} reads (vectors in docs/sessions.md). */
    public String key(String sid) {
        return keyPrefix + "revoked-sid:" + sid;
    }

    /**
     * How long the key lives: as long as any token of the session can. Keycloak caps an access token's {@code exp}
     * at the session's start plus the realm's SSO maximum lifespan (the remember-me one for remember-me sessions),
     * whatever a client's own token lifespan says; so that maximum, plus the bridge's clock skew, covers every
     * token of the session. The access-token lifespan is a floor for realms without a maximum.
     */
    public long ttlSeconds(RealmModel realm) {
        return ttlSeconds(
                realm.getSsoSessionMaxLifespan(),
                realm.isRememberMe() ? realm.getSsoSessionMaxLifespanRememberMe() : 0,
                realm.getAccessTokenLifespan());
    }

    long ttlSeconds(int ssoSessionMaxLifespan, int rememberMeMaxLifespan, int accessTokenLifespan) {
        int longest = Math.max(Math.max(ssoSessionMaxLifespan, rememberMeMaxLifespan), accessTokenLifespan);
        return (long) longest + clockSkewSeconds;
    }
}
