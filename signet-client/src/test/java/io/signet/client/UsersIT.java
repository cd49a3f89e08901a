package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.client.exception.AuthsignalException;
import io.signet.client.model.DeleteUserRequest;
import io.signet.client.model.GetUserRequest;
import io.signet.client.model.GetUserResponse;
import io.signet.client.model.QueryUsersRequest;
import io.signet.client.model.QueryUsersResponse;
import io.signet.client.model.QueryUsersResponseUser;
import io.signet.client.model.UpdateUserRequest;
import io.signet.client.model.UserAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getUser, updateUser, deleteUser and queryUsers through the client against a real Signet. */
class UsersIT extends SignetFixture {

    @Test
    void getUser_of_an_unknown_user_is_not_enrolled_and_has_no_email() throws Exception {
        GetUserResponse user = await(client.getUser(getUser(newUserId())));
        assertThat(user.isEnrolled).isFalse();
        assertThat(user.email).isNull();
        assertThat(user.enrolledVerificationMethods).isEmpty();
    }

    @Test
    void updateUser_creates_the_user_and_echoes_its_attributes() throws Exception {
        String userId = newUserId();
        UserAttributes attributes = new UserAttributes();
        attributes.email = "jane@example.com";
        attributes.emailVerified = true;
        attributes.phoneNumber = "+64271234567";
        attributes.username = "jane.smith";
        attributes.displayName = "Jane Smith";
        attributes.custom = Map.of("tier", "premium", "riskScore", 25);

        UserAttributes updated = await(client.updateUser(updateUser(userId, attributes)));

        assertThat(updated.email).isEqualTo("jane@example.com");
        assertThat(updated.emailVerified).isTrue();
        assertThat(updated.phoneNumber).isEqualTo("+64271234567");
        assertThat(updated.phoneNumberVerified).isFalse();
        assertThat(updated.username).isEqualTo("jane.smith");
        assertThat(updated.displayName).isEqualTo("Jane Smith");
        assertThat(updated.custom).containsEntry("tier", "premium").containsEntry("riskScore", 25);

        GetUserResponse user = await(client.getUser(getUser(userId)));
        assertThat(user.userId).isEqualTo(userId);
        assertThat(user.email).isEqualTo("jane@example.com");
        // authsignal-java types getUser's custom as Map<String, String>: numbers arrive as strings.
        assertThat(user.custom).containsEntry("tier", "premium").containsEntry("riskScore", "25");
    }

    @Test
    void deleteUser_removes_the_user() throws Exception {
        String userId = newUserId();
        UserAttributes attributes = new UserAttributes();
        attributes.email = userId + "@example.com";
        await(client.updateUser(updateUser(userId, attributes)));

        DeleteUserRequest delete = new DeleteUserRequest();
        delete.userId = userId;
        assertThat(await(client.deleteUser(delete))).isNull();

        GetUserResponse user = await(client.getUser(getUser(userId)));
        assertThat(user.isEnrolled).isFalse();
        assertThat(user.email).isNull();
        assertThat(await(client.queryUsers(byEmail(attributes.email))).users).isEmpty();
    }

    @Test
    void queryUsers_finds_by_email_and_by_phone_number_with_its_plus() throws Exception {
        String userId = newUserId();
        UserAttributes attributes = new UserAttributes();
        attributes.email = userId + "@example.com";
        // always seven digits after 027: a shorter number is not a valid New Zealand mobile
        attributes.phoneNumber = String.format("+6427%07d", System.nanoTime() % 10_000_000);
        await(client.updateUser(updateUser(userId, attributes)));

        QueryUsersResponse byEmail = await(client.queryUsers(byEmail(attributes.email)));
        assertThat(byEmail.users).extracting(u -> u.userId, u -> u.email)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(userId, attributes.email));
        assertThat(byEmail.lastEvaluatedUserId).isNull();

        QueryUsersRequest byPhone = new QueryUsersRequest();
        byPhone.phoneNumber = attributes.phoneNumber;
        assertThat(await(client.queryUsers(byPhone)).users).extracting(u -> u.phoneNumber)
                .containsExactly(attributes.phoneNumber);
    }

    @Test
    void queryUsers_pages_with_limit_and_lastEvaluatedUserId() throws Exception {
        String username = "shared-" + newUserId();
        List<String> userIds = List.of(newUserId(), newUserId(), newUserId());
        for (String userId : userIds) {
            UserAttributes attributes = new UserAttributes();
            attributes.username = username;
            await(client.updateUser(updateUser(userId, attributes)));
        }

        List<String> seen = new ArrayList<>();
        QueryUsersRequest query = new QueryUsersRequest();
        query.username = username;
        query.limit = 2;
        for (int page = 0; page <= userIds.size(); page++) {
            QueryUsersResponse result = await(client.queryUsers(query));
            assertThat(result.users).hasSizeLessThanOrEqualTo(2);
            Arrays.stream(result.users).map((QueryUsersResponseUser u) -> u.userId).forEach(seen::add);
            if (result.lastEvaluatedUserId == null) {
                break;
            }
            query.lastEvaluatedUserId = result.lastEvaluatedUserId;
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(userIds);
    }

    @Test
    void a_repeat_with_the_same_idempotency_key_gets_the_first_answer_and_changes_nothing() throws Exception {
        String userId = newUserId();
        UserAttributes first = new UserAttributes();
        first.displayName = "First";
        RequestOptions key = RequestOptions.idempotencyKey("update-" + userId);
        await(client.updateUser(updateUser(userId, first), key));
        UserAttributes changed = new UserAttributes();
        changed.displayName = "Changed";
        await(client.updateUser(updateUser(userId, changed)));

        UserAttributes repeated = await(client.updateUser(updateUser(userId, first), key));

        assertThat(repeated.displayName).isEqualTo("First");
        assertThat(await(client.getUser(getUser(userId))).displayName).isEqualTo("Changed");
    }

    @Test
    void reusing_an_idempotency_key_for_a_different_request_is_a_409() {
        String userId = newUserId();
        RequestOptions key = RequestOptions.idempotencyKey("reused-" + userId);
        UserAttributes first = new UserAttributes();
        first.displayName = "First";
        UserAttributes other = new UserAttributes();
        other.displayName = "Other";

        assertThatCode(() -> await(client.updateUser(updateUser(userId, first), key))).doesNotThrowAnyException();
        assertThatThrownBy(() -> await(client.updateUser(updateUser(userId, other), key)))
                .cause()
                .isInstanceOfSatisfying(AuthsignalException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
    }

    @Test
    void path_parameters_are_encoded_so_any_user_id_works() throws Exception {
        String userId = "user:" + newUserId() + " with space+plus";
        UserAttributes attributes = new UserAttributes();
        attributes.displayName = "Encoded";
        await(client.updateUser(updateUser(userId, attributes)));

        GetUserResponse user = await(client.getUser(getUser(userId)));
        assertThat(user.userId).isEqualTo(userId);
        assertThat(user.displayName).isEqualTo("Encoded");
    }

    static GetUserRequest getUser(String userId) {
        GetUserRequest request = new GetUserRequest();
        request.userId = userId;
        return request;
    }

    static UpdateUserRequest updateUser(String userId, UserAttributes attributes) {
        UpdateUserRequest request = new UpdateUserRequest();
        request.userId = userId;
        request.attributes = attributes;
        return request;
    }

    private static QueryUsersRequest byEmail(String email) {
        QueryUsersRequest request = new QueryUsersRequest();
        request.email = email;
        return request;
    }
}
