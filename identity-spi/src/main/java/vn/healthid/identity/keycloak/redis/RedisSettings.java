package vn.healthid.identity.keycloak.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Where the extension's Redis is: the options {@value #URL}, {@value #TIMEOUT}, {@value #SENTINEL_MASTER} and
 * {@value #SENTINELS} of one provider's SPI scope (identity-spi/README.md, "Redis").
 *
 * @param url {@code redis://[[user]:password@]host:port[/db]} or {@code rediss://...} (TLS); with Sentinel only
 *     its scheme, credentials and database are used (the master's address comes from the sentinels)
 * @param timeout connect and read timeout toward Redis and each sentinel
 * @param sentinelMaster the master's name in Sentinel, or null for a plain Redis at {@code url}
 * @param sentinels the sentinels to ask, in order (empty without Sentinel)
 */
public record RedisSettings(URI url, Duration timeout, String sentinelMaster, List<Address> sentinels) {

    public static final String URL = "redis-url";
    public static final String TIMEOUT = "timeout-millis";
    public static final String SENTINEL_MASTER = "sentinel-master";
    public static final String SENTINELS = "sentinels";
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    public static final int DEFAULT_TIMEOUT_MILLIS = 500;

    /** A host and port; the default port is Sentinel's 26379. */
    public record Address(String host, int port) {
        static Address parse(String text) {
            String value = text.strip();
            int colon = value.lastIndexOf(':');
            try {
                return colon < 0
                        ? new Address(value, 26379)
                        : new Address(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SENTINELS + " entry is not host:port: " + value, e);
            }
        }
    }

    public RedisSettings {
        String scheme = url.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException(URL + " must start with redis:// or rediss://");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(TIMEOUT + " must be positive");
        }
        sentinelMaster = sentinelMaster == null || sentinelMaster.isBlank() ? null : sentinelMaster.strip();
        sentinels = List.copyOf(sentinels);
        if (sentinelMaster != null && sentinels.isEmpty()) {
            throw new IllegalArgumentException(SENTINEL_MASTER + " needs " + SENTINELS + " (host:port,...)");
        }
    }

    /** A plain Redis, no Sentinel. */
    public static RedisSettings direct(URI url, Duration timeout) {
        return new RedisSettings(url, timeout, null, List.of());
    }

    /** Reads the options from {@code scope}; an option absent there is taken from {@code fallback}. */
    public static RedisSettings from(Config.Scope scope, Config.Scope fallback) {
        String sentinels = option(scope, fallback, SENTINELS, "");
        return new RedisSettings(
                URI.create(option(scope, fallback, URL, DEFAULT_URL)),
                Duration.ofMillis(
                        Integer.parseInt(option(scope, fallback, TIMEOUT, Integer.toString(DEFAULT_TIMEOUT_MILLIS)))),
                option(scope, fallback, SENTINEL_MASTER, null),
                Arrays.stream(sentinels.split(","))
                        .filter(entry -> !entry.isBlank())
                        .map(Address::parse)
                        .toList());
    }

    public boolean usesSentinel() {
        return sentinelMaster != null;
    }

    private static String option(Config.Scope scope, Config.Scope fallback, String name, String defaultValue) {
        String value = scope.get(name);
        if (value == null && fallback != null) {
            value = fallback.get(name);
        }
        return value == null ? defaultValue : value;
    }

    /** The options' metadata, for the factories' {@code getConfigMetadata}. */
    public static List<ProviderConfigProperty> configMetadata(String fallbackHint) {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(URL)
                .type("string")
                .defaultValue(DEFAULT_URL)
                .helpText("redis:// or rediss:// URL of the bridge's Redis (may carry the password)" + fallbackHint)
                .add()
                .property()
                .name(TIMEOUT)
                .type("int")
                .defaultValue(DEFAULT_TIMEOUT_MILLIS)
                .helpText("Redis connect and read timeout; a login or logout never waits longer" + fallbackHint)
                .add()
                .property()
                .name(SENTINEL_MASTER)
                .type("string")
                .helpText("name of the master in Redis Sentinel; set it to find the master through the sentinels"
                        + fallbackHint)
                .add()
                .property()
                .name(SENTINELS)
                .type("string")
                .helpText("comma-separated host:port of the sentinels (with sentinel-master)" + fallbackHint)
                .add()
                .build();
    }

    @Override
    public String toString() {
        // the URL may carry the Redis password
        return "RedisSettings["
                + (usesSentinel()
                        ? "sentinel master " + sentinelMaster + " via " + sentinels
                        : url.getHost() + ":" + url.getPort())
                + "]";
    }
}
