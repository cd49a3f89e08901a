package io.signet.client;

import io.signet.client.JsonCodec.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends one API call: Basic auth with the secret key, JSON body, per-attempt timeout, and retries
 * with exponential backoff. A call is retried on a connection error or a 5xx only when repeating it
 * cannot do harm twice: GET and DELETE always, POST and PATCH only with an idempotency key (which the
 * server uses to answer the repeat with the first answer). Thread-safe.
 */
final class HttpTransport implements AutoCloseable {
    private static final String USER_AGENT = "signet-client";

    private final HttpClient http;
    private final String authorization;
    private final AuthsignalClientOptions options;

    HttpTransport(String secretKey, AuthsignalClientOptions options) {
        this.options = options;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the API is served over HTTP/1.1 (docs/server-api.md §2.1 "Base URL and path joining")
                .connectTimeout(options.connectTimeout())
                .build();
    }

    CompletableFuture<Answer> get(URI uri) {
        return send(request(uri).GET().build(), true);
    }

    CompletableFuture<Answer> delete(URI uri) {
        return send(request(uri).DELETE().build(), true);
    }

    CompletableFuture<Answer> post(URI uri, Object body, RequestOptions requestOptions) {
        return withBody("POST", uri, body, requestOptions);
    }

    CompletableFuture<Answer> patch(URI uri, Object body, RequestOptions requestOptions) {
        return withBody("PATCH", uri, body, requestOptions);
    }

    private CompletableFuture<Answer> withBody(String method, URI uri, Object body, RequestOptions requestOptions) {
        HttpRequest.Builder builder = request(uri)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JsonCodec.write(body)));
        String key = requestOptions.getIdempotencyKey();
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return send(builder.build(), key != null);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Authorization", authorization)
                .header("User-Agent", USER_AGENT);
    }

    /** Completes with a 2xx answer, or fails with an AuthsignalException or the I/O error. */
    private CompletableFuture<Answer> send(HttpRequest request, boolean retryable) {
        return attempt(request, retryable ? options.maxRetries() : 0, 0);
    }

    private CompletableFuture<Answer> attempt(HttpRequest request, int retriesLeft, int attemptsMade) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    boolean transientFailure = failure != null
                            ? unwrap(failure) instanceof IOException
                            : response.statusCode() >= 500;
                    if (transientFailure && retriesLeft > 0) {
                        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                                        backoff(attemptsMade).toMillis(), TimeUnit.MILLISECONDS))
                                .thenCompose(ignored -> attempt(request, retriesLeft - 1, attemptsMade + 1));
                    }
                    return outcome(response, failure);
                })
                .thenCompose(next -> next);
    }

    private static CompletableFuture<Answer> outcome(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            return CompletableFuture.failedFuture(unwrap(failure));
        }
        Answer answer = new Answer(response.statusCode(), response.body());
        if (answer.status() < 200 || answer.status() > 299) {
            return CompletableFuture.failedFuture(JsonCodec.error(answer));
        }
        return CompletableFuture.completedFuture(answer);
    }

    private Duration backoff(int attemptsMade) {
        Duration wait = options.initialBackoff().multipliedBy(1L << Math.min(attemptsMade, 20));
        return wait.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public void close() {
        http.close();
    }
}
