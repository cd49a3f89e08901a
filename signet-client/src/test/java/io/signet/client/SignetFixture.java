package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.signet.client.exception.AuthsignalException;
import io.signet.client.model.EnrollVerifiedAuthenticatorAttributes;
import io.signet.client.model.EnrollVerifiedAuthenticatorRequest;
import io.signet.client.model.EnrollVerifiedAuthenticatorResponse;
import io.signet.client.model.VerificationMethodType;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A real Signet (SQLite, known key, free port) per test class, and a client pointed at its {@code /v1}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SignetFixture {
    /** A phone number libphonenumber accepts, as in the seed's samples. */
    static final String PHONE = "+64270000000";

    @TempDir
    static Path tempDir;
    TestServer server;
    AuthsignalClient client;

    @BeforeAll
    void startSignet() {
        server = TestServer.start(Backend.SQLITE, tempDir, settings(), Clock.systemUTC());
        client = clientWithKey(TestServer.SECRET_KEY);
    }

    /** Extra {@code SIGNET_*} settings for this class's server; none by default. */
    Map<String, String> settings() {
        return Map.of();
    }

    @AfterAll
    void stopSignet() {
        client.close();
        server.close();
    }

    String apiUrl() {
        return server.baseUrl() + "/v1";
    }

    AuthsignalClient clientWithKey(String secretKey) {
        return new AuthsignalClient(secretKey, apiUrl());
    }

    /** Enrolls, mirroring the seed's sample: a request with userId and attributes of one method. */
    EnrollVerifiedAuthenticatorResponse enroll(String userId, VerificationMethodType method,
            Consumer<EnrollVerifiedAuthenticatorAttributes> fields) throws Exception {
        EnrollVerifiedAuthenticatorRequest request = new EnrollVerifiedAuthenticatorRequest();
        request.userId = userId;
        request.attributes = new EnrollVerifiedAuthenticatorAttributes();
        request.attributes.verificationMethod = method;
        fields.accept(request.attributes);
        return await(client.enrollVerifiedAuthenticator(request));
    }

    /** Enrolls an SMS authenticator for {@link #PHONE}, which makes the user enrolled. */
    EnrollVerifiedAuthenticatorResponse enrollSms(String userId) throws Exception {
        return enroll(userId, VerificationMethodType.SMS, a -> a.phoneNumber = PHONE);
    }

    static String newUserId() {
        return "user-" + UUID.randomUUID();
    }

    /**
     * Asserts that {@code call} fails with an {@link AuthsignalException} (the cause of the future's
     * {@link ExecutionException}) of this status and error code whose message is {@code AuthsignalException:
     * <status> - <description>}, and returns it for further checks.
     */
    static AuthsignalException assertFailsWith(ThrowingCallable call, int statusCode, String errorCode) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(AuthsignalException.class);
        AuthsignalException e = (AuthsignalException) thrown.getCause();
        assertThat(e.getStatusCode()).isEqualTo(statusCode);
        assertThat(e.getErrorCode()).isEqualTo(errorCode);
        assertThat(e.getErrorDescription()).isNotBlank();
        assertThat(e.getMessage()).isEqualTo("AuthsignalException: " + statusCode + " - " + e.getErrorDescription());
        return e;
    }

    /** Waits for a call, bounded so a hung call fails the test instead of the build. */
    static <T> T await(CompletableFuture<T> call) throws ExecutionException, InterruptedException, TimeoutException {
        return call.get(30, TimeUnit.SECONDS);
    }
}
