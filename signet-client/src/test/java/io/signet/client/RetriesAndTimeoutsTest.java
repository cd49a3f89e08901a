package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.client.ScriptedUpstream.Attempt;
import io.signet.client.exception.AuthsignalException;
import io.signet.client.model.DeleteUserRequest;
import io.signet.client.model.GetUserResponse;
import io.signet.client.model.UserAttributes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which calls are retried, how often, and how a slow or unreachable server surfaces. */
class RetriesAndTimeoutsTest {
    private static final String USER = "{\"userId\":\"u1\",\"isEnrolled\":true,\"displayName\":\"Jane\"}";
    private static final String OVERLOADED = "{\"error\":\"unavailable\",\"errorDescription\":\"Try again later.\"}";

    private static AuthsignalClient client(ScriptedUpstream upstream, int maxRetries) {
        return client(upstream.apiUrl(), AuthsignalClientOptions.builder().maxRetries(maxRetries)
                .initialBackoff(Duration.ofMillis(1)).build());
    }

    private static AuthsignalClient client(String apiUrl, AuthsignalClientOptions options) {
        return new AuthsignalClient("sk_test_key", apiUrl, options);
    }

    @Test
    void a_get_is_retried_on_5xx_until_it_succeeds() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(USER, 503, 502, 200);
             AuthsignalClient client = client(upstream, 2)) {
            GetUserResponse user = client.getUser(UsersIT.getUser("u1")).get(10, TimeUnit.SECONDS);
            assertThat(user.displayName).isEqualTo("Jane");
            assertThat(upstream.attempts()).hasSize(3);
        }
    }

    @Test
    void a_delete_gives_up_after_maxRetries_with_the_last_error() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(OVERLOADED, 503);
             AuthsignalClient client = client(upstream, 2)) {
            DeleteUserRequest request = new DeleteUserRequest();
            request.userId = "u1";
            assertThatThrownBy(() -> client.deleteUser(request).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(AuthsignalException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(503);
                        assertThat(e.getErrorCode()).isEqualTo("unavailable");
                    });
            assertThat(upstream.attempts()).extracting(Attempt::method).containsExactly("DELETE", "DELETE", "DELETE");
        }
    }

    @Test
    void a_post_without_an_idempotency_key_is_sent_once() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(OVERLOADED, 503, 200);
             AuthsignalClient client = client(upstream, 2)) {
            assertThatThrownBy(() -> client.updateUser(UsersIT.updateUser("u1", new UserAttributes()))
                    .get(10, TimeUnit.SECONDS)).cause().isInstanceOf(AuthsignalException.class);
            assertThat(upstream.attempts()).hasSize(1);
        }
    }

    @Test
    void a_post_with_an_idempotency_key_is_retried_with_the_key_on_every_attempt() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream("{\"displayName\":\"Jane\"}", 500, 200);
             AuthsignalClient client = client(upstream, 2)) {
            UserAttributes answer = client.updateUser(UsersIT.updateUser("u1", new UserAttributes()),
                    RequestOptions.idempotencyKey("k-1")).get(10, TimeUnit.SECONDS);
            assertThat(answer.displayName).isEqualTo("Jane");
            assertThat(upstream.attempts()).containsExactly(
                    new Attempt("POST", "/v1/users/u1", "k-1"), new Attempt("POST", "/v1/users/u1", "k-1"));
        }
    }

    @Test
    void a_4xx_is_never_retried() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(OVERLOADED, 429, 200);
             AuthsignalClient client = client(upstream, 2)) {
            assertThatThrownBy(() -> client.getUser(UsersIT.getUser("u1")).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(AuthsignalException.class, e -> assertThat(e.getStatusCode()).isEqualTo(429));
            assertThat(upstream.attempts()).hasSize(1);
        }
    }

    @Test
    void an_error_body_that_is_not_json_still_becomes_an_AuthsignalException() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream("<html>Bad gateway</html>", 502);
             AuthsignalClient client = client(upstream, 0)) {
            assertThatThrownBy(() -> client.getUser(UsersIT.getUser("u1")).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(AuthsignalException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(502);
                        assertThat(e.getErrorCode()).isEqualTo("unexpected_error");
                    });
        }
    }

    @Test
    void a_slow_answer_fails_after_the_request_timeout() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(USER, 200).hang();
             AuthsignalClient client = client(upstream.apiUrl(), AuthsignalClientOptions.builder()
                     .maxRetries(0).requestTimeout(Duration.ofMillis(200)).build())) {
            assertThatThrownBy(() -> client.getUser(UsersIT.getUser("u1")).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void an_unreachable_server_fails_with_the_connection_error_after_retrying() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AuthsignalClient client = client("http://127.0.0.1:" + closedPort + "/v1",
                AuthsignalClientOptions.builder().maxRetries(1).initialBackoff(Duration.ofMillis(1)).build())) {
            assertThatThrownBy(() -> client.getUser(UsersIT.getUser("u1")).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ConnectException.class);
        }
    }
}
