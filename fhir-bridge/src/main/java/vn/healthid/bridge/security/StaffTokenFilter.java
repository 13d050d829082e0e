package vn.healthid.bridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies the clerk's own token a clinic sends beside the citizen's ({@code
 * healthid.security.staff-token-header}) with the same decoder and checks as the bearer token, and
 * adds the result to the request's {@link Caller}. A bad staff token does not fail the request:
 * only a feature that needs the clerk (coverage lookups) refuses, with its own code.
 */
final class StaffTokenFilter extends OncePerRequestFilter {

    private final JwtDecoder decoder;
    private final String header;

    StaffTokenFilter(JwtDecoder decoder, String header) {
        this.decoder = decoder;
        this.header = header;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getHeader(header);
        if (raw != null
                && !raw.isBlank()
                && SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth) {
            String token = raw.startsWith("Bearer ") ? raw.substring(7) : raw;
            StaffProof proof;
            try {
                proof = CallerAuthenticationConverter.staffProof(decoder.decode(token.strip()));
            } catch (JwtException e) {
                proof = StaffProof.INVALID;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth.withCaller(auth.caller().withStaff(proof)));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
