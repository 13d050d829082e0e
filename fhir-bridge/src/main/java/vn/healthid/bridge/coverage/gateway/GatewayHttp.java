package vn.healthid.bridge.coverage.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One POST to the gateway with a deadline and a size bound. Every failure becomes a {@link
 * GatewayException}; a 401 is returned to the caller, which renews its token.
 */
final class GatewayHttp {

    record Reply(int status, String body) {}

    private final HttpClient http;
    private final GatewaySettings settings;

    GatewayHttp(GatewaySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The whole exchange, body included, within {@code requestTimeout} (a body that trickles in past
     * it is cut); the body within {@code maxResponseBytes}, refused as soon as it grows past them.
     */
    Reply post(URI uri, String contentType, String body) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        var exchange = http.sendAsync(request, info -> new BoundedBody(settings.maxResponseBytes()));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new GatewayException(GatewayException.Kind.TIMEOUT, "gateway did not answer in time");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.Kind.UNAVAILABLE, "interrupted");
        }
        if (response.statusCode() >= 500) {
            throw new GatewayException(
                    GatewayException.Kind.UNAVAILABLE, "gateway answered HTTP " + response.statusCode());
        }
        return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private static GatewayException failure(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new GatewayException(GatewayException.Kind.TIMEOUT, "gateway did not answer in time");
        }
        if (cause instanceof BoundedBody.TooLarge) {
            return new GatewayException(GatewayException.Kind.MALFORMED, "gateway answer too large");
        }
        if (cause instanceof IOException) {
            return new GatewayException(
                    GatewayException.Kind.UNAVAILABLE,
                    "gateway unreachable: " + cause.getClass().getSimpleName());
        }
        return new GatewayException(GatewayException.Kind.UNAVAILABLE, "gateway answer cut");
    }
}
