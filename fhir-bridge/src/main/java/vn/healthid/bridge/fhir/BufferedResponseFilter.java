package vn.healthid.bridge.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Sends each {@code /fhir} answer whole, with a {@code Content-Length}: HAPI flushes its writer
 * when a resource is encoded, which makes Tomcat send the head and body as separate chunked
 * writes. Measured in docs/benchmarks.md; answers are bounded by the page sizes, so buffering them
 * costs little memory.
 */
public final class BufferedResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
        } finally {
            buffered.copyBodyToResponse();
        }
    }
}
