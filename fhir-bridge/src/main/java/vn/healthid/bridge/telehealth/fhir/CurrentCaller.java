package vn.healthid.bridge.telehealth.fhir;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.fhir.ErrorCode;
import vn.healthid.bridge.security.CallerAuthentication;
import vn.healthid.bridge.telehealth.access.Caller;
import vn.healthid.bridge.telehealth.access.CallerFactory;

/**
 * The telehealth {@link Caller} of the current request, from the token the resource server
 * verified (practitioners are told apart by {@code fhirUser}, which the core's caller does not keep).
 */
public final class CurrentCaller {

    private final CallerFactory callers;

    public CurrentCaller(CallerFactory callers) {
        this.callers = callers;
    }

    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication verified && verified.token() != null) {
            return callers.from(verified.token());
        }
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return callers.from(jwt);
        }
        throw new BridgeFhirException(ErrorCode.TOKEN_MISSING);
    }
}
