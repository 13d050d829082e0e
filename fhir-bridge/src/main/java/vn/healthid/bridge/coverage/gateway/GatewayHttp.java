package vn.healthid.bridge.coverage.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One POST to the gateway with a deadline and a size bound. Every failure becomes a {@link
 * GatewayException}; a 401 is returned to the caller, which renews its token.
 */
final class GatewayHttp {

    record Reply(int status, String body) {}

    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    private final HttpClient http;
    private final GatewaySettings settings;

    GatewayHttp(GatewaySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The whole exchange, body included, within {@code requestTimeout}; the body within {@code maxResponseBytes}. */
    Reply post(URI uri, String contentType, String body) {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        var request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new GatewayException(GatewayException.Kind.TIMEOUT, "gateway did not answer in time");
        } catch (IOException e) {
            throw new GatewayException(
                    GatewayException.Kind.UNAVAILABLE,
                    "gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, "interrupted");
        }
        var bytes = readBounded(response.body(), deadline);
        if (response.statusCode() >= 500) {
            throw new GatewayException(
                    GatewayException.Kind.UNAVAILABLE, "gateway answered HTTP " + response.statusCode());
        }
        return new Reply(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** A body that trickles in past the deadline is cut (closing the stream ends the read). */
    private byte[] readBounded(InputStream in, long deadline) {
        var read = CompletableFuture.supplyAsync(
                () -> {
                    try (in) {
                        return in.readNBytes(settings.maxResponseBytes() + 1);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                READERS);
        try {
            var bytes = read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (bytes.length > settings.maxResponseBytes()) {
                throw new GatewayException(GatewayException.Kind.MALFORMED, "gateway answer too large");
            }
            return bytes;
        } catch (TimeoutException e) {
            closeQuietly(in);
            throw new GatewayException(GatewayException.Kind.TIMEOUT, "gateway answer too slow");
        } catch (ExecutionException e) {
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, "gateway answer cut");
        } catch (InterruptedException e) {
            closeQuietly(in);
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, "interrupted");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the read is abandoned either way
        }
    }
}
