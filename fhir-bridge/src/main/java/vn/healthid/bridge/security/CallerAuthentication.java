package vn.healthid.bridge.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

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

    /** The verified token, for features that need other claims (e.g. a clerk's name). */
    public Jwt token() {
        return token;
    }

    /** The verified token of the request being served, or null when it is not authenticated by one. */
    public static Jwt currentToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                ? auth.token()
                : null;
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
