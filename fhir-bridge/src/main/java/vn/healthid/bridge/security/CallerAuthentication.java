package vn.healthid.bridge.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;

/** A verified access token and the {@link Caller} read from it. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final transient Jwt token;

    public CallerAuthentication(Caller caller, Jwt token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_FHIR_CLIENT")));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    CallerAuthentication withCaller(Caller other) {
        return new CallerAuthentication(other, token);
    }

    /** The caller of the request being served, when it is authenticated by a token. */
    public static Optional<Caller> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                ? Optional.of(auth.caller())
                : Optional.empty();
    }

    /** The caller of the request being served; 401 {@code TOKEN_MISSING} without one. */
    public static Caller require() {
        return current().orElseThrow(() -> new BridgeFhirException(BridgeError.TOKEN_MISSING));
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
