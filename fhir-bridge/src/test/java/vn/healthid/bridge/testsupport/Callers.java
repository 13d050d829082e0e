package vn.healthid.bridge.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.config.PatientIdProperties;
import vn.healthid.bridge.config.SecurityProperties;
import vn.healthid.bridge.identity.PatientIds;
import vn.healthid.bridge.security.Assurance;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.CallerAuthentication;
import vn.healthid.bridge.security.CallerAuthenticationConverter;
import vn.healthid.bridge.security.StaffProof;
import vn.healthid.bridge.smart.GrantedScopes;

/** Callers as the security package builds them, for tests that drive features without HTTP. */
public final class Callers {

    public static final Duration RECENT_PROOF = Duration.ofMinutes(10);

    private Callers() {}

    public static Assurance assurance(Map<String, Integer> levels) {
        return new Assurance(levels, RECENT_PROOF, Clock.systemUTC());
    }

    public static CallerAuthenticationConverter converter() {
        return new CallerAuthenticationConverter(
                new PatientIds(PatientIdProperties.SANDBOX_KEY), assurance(SecurityProperties.defaultAcrLevels()));
    }

    public static CallerAuthentication authenticate(Jwt token) {
        return converter().convert(token);
    }

    public static Caller of(Jwt token) {
        return converter().caller(token);
    }

    /** A caller with exactly these parts; {@code acr} proven just now. */
    public static Caller direct(
            Caller.Kind kind, String id, List<String> scopes, String acr, String client, Map<String, Integer> levels) {
        return new Caller(
                new Caller.Identity(kind, id, "sub-" + id, client, Optional.empty(), Optional.empty()),
                GrantedScopes.of(scopes),
                new Caller.Proof(Optional.ofNullable(acr), Optional.of(Instant.now())),
                Optional.empty(),
                StaffProof.ABSENT_PROOF,
                assurance(levels));
    }
}
