package vn.healthid.bridge.fhir;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies on {@code /fhir}: a declared length over the limit is refused at once
 * (413); a chunked body is counted while HAPI reads it and fails at the limit.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final OperationOutcomeResponder responder;

    public BodySizeLimitFilter(long maxBytes, OperationOutcomeResponder responder) {
        this.maxBytes = maxBytes;
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            responder.write(request, response, BridgeError.BODY_TOO_LARGE, limitText(), Map.of("Connection", "close"));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request) : request, response);
    }

    private String limitText() {
        return "The request body is larger than " + maxBytes + " bytes.";
    }

    /** Counts the bytes of a body without a declared length. */
    private final class Bounded extends HttpServletRequestWrapper {

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long count;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        add(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        add(n);
                    }
                    return n;
                }

                private void add(long n) {
                    count += n;
                    if (count > maxBytes) {
                        // a HAPI exception, so the server answers 413 with an OperationOutcome
                        throw new PayloadTooLargeException(limitText());
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
