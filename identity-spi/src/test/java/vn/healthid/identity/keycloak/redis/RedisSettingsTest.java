package vn.healthid.identity.keycloak.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class RedisSettingsTest {

    @Test
    void withoutOptionsItIsTheLocalRedis() {
        RedisSettings settings = RedisSettings.from(scope(Map.of()), null);

        assertThat(settings.url()).isEqualTo(URI.create("redis://127.0.0.1:6379"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.usesSentinel()).isFalse();
    }

    @Test
    void sentinelOptionsNameTheMasterAndTheSentinelsInOrder() {
        RedisSettings settings = RedisSettings.from(
                scope(Map.of(
                        "redis-url", "redis://:secret@ignored:1/2",
                        "sentinel-master", "healthid",
                        "sentinels", "10.0.0.1:26379, sentinel-b:26380,sentinel-c")),
                null);

        assertThat(settings.sentinelMaster()).isEqualTo("healthid");
        assertThat(settings.sentinels())
                .containsExactly(
                        new RedisSettings.Address("10.0.0.1", 26379),
                        new RedisSettings.Address("sentinel-b", 26380),
                        new RedisSettings.Address("sentinel-c", 26379));
    }

    @Test
    void optionsMissingFromTheListenersOwnScopeComeFromTheFallback() {
        RedisSettings settings = RedisSettings.from(
                scope(Map.of("timeout-millis", "900")),
                scope(Map.of("redis-url", "rediss://redis.internal:6380", "timeout-millis", "100")));

        assertThat(settings.url()).isEqualTo(URI.create("rediss://redis.internal:6380"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void masterWithoutSentinelsIsAConfigurationError() {
        assertThatThrownBy(() -> RedisSettings.from(scope(Map.of("sentinel-master", "healthid")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sentinels");
    }

    @Test
    void otherSchemesAndBadSentinelPortsAreConfigurationErrors() {
        assertThatThrownBy(() -> RedisSettings.from(scope(Map.of("redis-url", "http://127.0.0.1:6379")), null))
                .hasMessageContaining("redis://");
        assertThatThrownBy(
                        () -> RedisSettings.from(scope(Map.of("sentinel-master", "m", "sentinels", "host:port")), null))
                .hasMessageContaining("host:port");
    }

    @Test
    void descriptionNeverShowsTheUrlsPassword() {
        RedisSettings settings =
                RedisSettings.direct(URI.create("redis://user:s3cret-password@redis:6379/0"), Duration.ofMillis(500));

        assertThat(settings.toString()).doesNotContain("s3cret").contains("redis:6379");
        assertThat(new RedisSettings(
                                settings.url(),
                                settings.timeout(),
                                "healthid",
                                List.of(new RedisSettings.Address("s1", 26379)))
                        .toString())
                .doesNotContain("s3cret");
    }

    /** A Keycloak config scope over a map, as the factories receive it. */
    static Config.Scope scope(Map<String, String> values) {
        return new Config.Scope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public String get(String key, String defaultValue) {
                return values.getOrDefault(key, defaultValue);
            }

            @Override
            public String[] getArray(String key) {
                String value = values.get(key);
                return value == null ? null : value.split(",");
            }

            @Override
            public Integer getInt(String key) {
                return getInt(key, null);
            }

            @Override
            public Integer getInt(String key, Integer defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Integer.valueOf(value);
            }

            @Override
            public Long getLong(String key) {
                return getLong(key, null);
            }

            @Override
            public Long getLong(String key, Long defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Long.valueOf(value);
            }

            @Override
            public Boolean getBoolean(String key) {
                return getBoolean(key, null);
            }

            @Override
            public Boolean getBoolean(String key, Boolean defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Boolean.valueOf(value);
            }

            @Override
            public Config.Scope scope(String... scope) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
