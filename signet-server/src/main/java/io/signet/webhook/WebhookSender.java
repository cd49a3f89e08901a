package io.signet.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One signed POST of a webhook body to an endpoint. The host is resolved and every address checked by
 * {@link AddressGuard} before any connection is opened; redirects are not followed (a redirect could point
 * anywhere). The signature is made at send time with the tenant's active keys, so retries carry a fresh
 * {@code t} and a rotated key takes effect at once.
 *
 * <p>The connection goes to an address that was checked: while the request runs, {@link PinnedAddresses}
 * makes the host name resolve to exactly the checked addresses, so a DNS answer that changes between the
 * check and the connection (rebinding) is never used.
 */
public final class WebhookSender {
    static final String USER_AGENT = "Signet-Webhooks/0.1";
    private static final int MAX_ERROR_LENGTH = 300;

    /** Built at the first delivery: its TLS set-up costs about 0.1 s, which start-up need not pay. */
    private volatile HttpClient http;
    private final Function<String, List<String>> secretKeys;
    private final boolean allowPrivate;
    private final Duration timeout;
    private final Clock clock;

    /** How the host is resolved for the check; the connection then uses exactly these addresses. */
    interface Lookup {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Lookup lookup;

    public WebhookSender(Function<String, List<String>> secretKeys, boolean allowPrivate, Duration timeout, Clock clock) {
        this(secretKeys, allowPrivate, timeout, clock, host -> List.of(InetAddress.getAllByName(host)));
    }

    public WebhookSender(Function<String, List<String>> secretKeys, boolean allowPrivate, Duration timeout, Clock clock,
                  Lookup lookup) {
        this.lookup = lookup;
        this.secretKeys = secretKeys;
        this.allowPrivate = allowPrivate;
        this.timeout = timeout;
        this.clock = clock;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    AttemptResult send(String tenantId, String url, String body) throws InterruptedException {
        long started = System.nanoTime();
        URI uri = URI.create(url);
        Optional<String> refused;
        List<InetAddress> checked = List.of();
        try {
            checked = lookup.resolve(uri.getHost());
            refused = AddressGuard.refusal(uri.getScheme(), checked, allowPrivate);
        } catch (UnknownHostException e) {
            refused = Optional.of("the host name did not resolve");
        }
        if (refused.isPresent()) {
            return new AttemptResult(false, null, elapsedMillis(started), "refused: " + refused.get());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSigner.HEADER, WebhookSigner.header(clock.instant().getEpochSecond(), body,
                        secretKeys.apply(tenantId)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = PinnedAddresses.during(uri.getHost(), checked,
                    () -> http().send(request, HttpResponse.BodyHandlers.discarding()));
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new AttemptResult(ok, status, elapsedMillis(started), ok ? null : "the endpoint answered " + status);
        } catch (HttpTimeoutException e) {
            return new AttemptResult(false, null, elapsedMillis(started),
                    "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new AttemptResult(false, null, elapsedMillis(started), describe(e));
        }
    }

    private static String describe(IOException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
