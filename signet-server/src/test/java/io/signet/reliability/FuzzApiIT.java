package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzed requests on every route (path, query, body, credentials, Idempotency-Key, content type)
 * are never a 5xx, never take longer than {@link #ANSWER_WITHIN}, and when refused (4xx) change nothing in the
 * database. CI runs {@value #CI_TRIES} cases; {@code ./signet fuzz --minutes N} runs the soak, which
 * samples the same generator for N minutes and prints how many inputs it tried. A failure names its seed
 * ({@code io.signet.testing.SeedOnFailure}).
 */
class FuzzApiIT {
    static final int CI_TRIES = 600;
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final String OPERATOR_KEY = "op_fuzz_0123456789abcdef";
    private static final AtomicLong tried = new AtomicLong();
    private static final AtomicLong refused = new AtomicLong();
    private static final AtomicLong serverErrors = new AtomicLong();
    private static TestServer server;
    private static DatabaseFingerprint fingerprint;
    private static String clientToken;

    @BeforeContainer
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("signet-fuzz");
        server = TestServer.start(Backend.SQLITE, dir, Map.of("SIGNET_OPERATOR_KEY", OPERATOR_KEY), Clock.systemUTC());
        Api api = server.api();
        // Something for the fuzzed requests to meet: an enrolled user and a Client API token of theirs.
        api.post("/v1/users/fuzz-user/authenticators", Map.of("verificationMethod", "AUTHENTICATOR_APP",
                "otpUri", Workload.OTP_URI));
        clientToken = api.post("/v1/users/fuzz-user/actions/signIn", Map.of()).json().path("token").asString();
        fingerprint = new DatabaseFingerprint(server.databaseUrl());
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.printf("FUZZ: inputs tried=%d refused (4xx)=%d 5xx=%d%n", tried.get(), refused.get(),
                serverErrors.get());
        fingerprint.close();
        server.close();
    }

    @Property(tries = CI_TRIES)
    void no_fuzzed_request_is_a_5xx_or_hangs_and_a_refused_one_changes_nothing(
            @ForAll("requests") FuzzRequest request) throws Exception {
        check(request);
    }

    /** The long run behind {@code ./signet fuzz --minutes N}; CI leaves the "soak" tag out. */
    @Example
    @Tag("soak")
    void soak_for_the_configured_minutes() throws Exception {
        long minutes = Long.getLong("signet.fuzz.minutes", 0);
        long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        Iterator<FuzzRequest> inputs = FuzzRequest.any().sampleStream().iterator();
        while (System.nanoTime() < deadline) {
            check(inputs.next());
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return FuzzRequest.any();
    }

    private static void check(FuzzRequest r) throws Exception {
        Map<String, String> before = r.mutating() ? fingerprint.digest() : null;
        long start = System.nanoTime();
        ApiResponse answer = send(r);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        tried.incrementAndGet();
        if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        assertThat(answer.status()).as(r + " -> " + answer).isLessThan(500);
        assertThat(took).as(r + " took").isLessThan(ANSWER_WITHIN);
        if (answer.status() >= 400) {
            refused.incrementAndGet();
            if (before != null) {
                assertThat(fingerprint.digest()).as("database after refused " + r + " -> " + answer).isEqualTo(before);
            }
        }
    }

    private static ApiResponse send(FuzzRequest r) {
        Map<String, String> headers = new HashMap<>();
        Api api = switch (r.credentials()) {
            case TENANT -> server.api();
            case OPERATOR -> server.api().withKey(OPERATOR_KEY);
            case CLIENT_TOKEN -> bearer(headers, clientToken);
            case RANDOM_BEARER -> bearer(headers, "eyJhbGciOiJFUzI1NiJ9.e30." + r.path().length());
            case NONE -> server.api().withKey(null);
        };
        if (r.idempotencyKey() != null) {
            // what an HTTP client can send at all: visible ASCII and spaces
            headers.put("Idempotency-Key", r.idempotencyKey().replaceAll("[^\\x20-\\x7e]", ""));
        }
        if (r.body() != null) {
            headers.put("Content-Type", r.contentType());
        }
        return api.send(r.method(), r.path(), r.body(), headers);
    }

    private static Api bearer(Map<String, String> headers, String token) {
        headers.put("Authorization", "Bearer " + token);
        return server.api().withKey(null);
    }
}
