package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.client.exception.AuthsignalException;
import io.signet.client.model.GetUserRequest;
import io.signet.client.model.QueryUsersRequest;
import io.signet.client.model.UserAttributes;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The error path and base-URL handling against a real Signet. */
class ErrorsIT extends SignetFixture {
    private static final String UNAUTHORIZED = "The request is unauthorized. Check that your API key and region "
            + "base URL are correctly configured.";

    @Test
    void a_wrong_secret_key_fails_the_future_with_401_unauthorized() {
        try (AuthsignalClient wrongKey = clientWithKey("sk_test_not_a_real_key")) {
            GetUserRequest request = UsersIT.getUser(newUserId());
            assertThatThrownBy(() -> await(wrongKey.getUser(request)))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(AuthsignalException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(401);
                        assertThat(e.getErrorCode()).isEqualTo("unauthorized");
                        assertThat(e.getErrorDescription()).isEqualTo(UNAUTHORIZED);
                        assertThat(e.getMessage()).isEqualTo("AuthsignalException: 401 - " + UNAUTHORIZED);
                    });
        }
    }

    @Test
    void a_400_carries_signets_code_and_description() {
        QueryUsersRequest request = new QueryUsersRequest();
        request.token = "some-token";
        assertThatThrownBy(() -> await(client.queryUsers(request)))
                .cause()
                .isInstanceOfSatisfying(AuthsignalException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("invalid_request");
                    assertThat(e.getErrorDescription()).contains("'token'");
                    assertThat(e.getMessage()).isEqualTo("AuthsignalException: 400 - " + e.getErrorDescription());
                });
    }

    @Test
    void a_base_url_with_a_trailing_slash_works() throws Exception {
        try (AuthsignalClient slashed = new AuthsignalClient(io.signet.testing.TestServer.SECRET_KEY, apiUrl() + "/")) {
            String userId = newUserId();
            UserAttributes attributes = new UserAttributes();
            attributes.email = "slash@example.com";
            await(slashed.updateUser(UsersIT.updateUser(userId, attributes)));
            assertThat(await(slashed.getUser(UsersIT.getUser(userId))).email).isEqualTo("slash@example.com");
        }
    }
}
