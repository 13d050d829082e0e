package vn.healthid.identity.keycloak.logout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.redis.RedisSettings;

class EndedSessionConfigTest {

    private static final RedisSettings REDIS =
            RedisSettings.direct(URI.create("redis://127.0.0.1:6379"), Duration.ofMillis(500));

    private final EndedSessionConfig config = new EndedSessionConfig(true, "healthid:", "health", 30, REDIS);

    @Test
    void keyLivesAsLongAsTheLongestSessionPlusTheBridgesClockSkew() {
        // the demo realm: 10 h maximum session, 5 min tokens
        assertThat(config.ttlSeconds(36_000, 0, 300)).isEqualTo(36_030);
    }

    @Test
    void rememberMeSessionsThatLiveLongerLengthenTheKey() {
        assertThat(config.ttlSeconds(36_000, 604_800, 300)).isEqualTo(604_830);
    }

    @Test
    void tokenLifespanIsTheFloorWhenTheRealmHasNoMaximum() {
        assertThat(config.ttlSeconds(0, 0, 300)).isEqualTo(330);
    }

    @Test
    void blankPrefixOrNegativeSkewIsAConfigurationError() {
        assertThatThrownBy(() -> new EndedSessionConfig(true, " ", "health", 30, REDIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key-prefix");
        assertThatThrownBy(() -> new EndedSessionConfig(true, "healthid:", "health", -1, REDIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock-skew-seconds");
    }
}
