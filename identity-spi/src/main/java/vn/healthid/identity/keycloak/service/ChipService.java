package vn.healthid.identity.keycloak.service;

import java.time.Clock;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.provider.Provider;
import vn.healthid.identity.chip.ChipVerifier;
import vn.healthid.identity.keycloak.abuse.FailureThrottle;
import vn.healthid.identity.keycloak.abuse.RateLimiter;
import vn.healthid.identity.keycloak.challenge.ChallengeStore;

/**
 * Per-request handle on the server-wide chip settings and verifier (one instance per Keycloak node), and the one
 * place that builds the cluster-wide stores of the extension: challenges, failure counts, rate limits.
 */
public final class ChipService implements Provider {

    private final KeycloakSession session;
    private final ChipSettings settings;
    private final ChipVerifier verifier;

    ChipService(KeycloakSession session, ChipSettings settings, ChipVerifier verifier) {
        this.session = session;
        this.settings = settings;
        this.verifier = verifier;
    }

    public ChipSettings settings() {
        return settings;
    }

    /** Empty when no trust store is configured: every chip login then fails with VERIFIER_NOT_CONFIGURED. */
    public Optional<ChipVerifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    public ChallengeStore challenges() {
        return new ChallengeStore(singleUse(), settings.challengeTtl());
    }

    public FailureThrottle failures() {
        return new FailureThrottle(singleUse(), settings.abuse(), Clock.systemUTC());
    }

    public RateLimiter rateLimits() {
        return new RateLimiter(singleUse(), settings.abuse(), Clock.systemUTC());
    }

    private SingleUseObjectProvider singleUse() {
        return session.getProvider(SingleUseObjectProvider.class);
    }

    @Override
    public void close() {}
}
