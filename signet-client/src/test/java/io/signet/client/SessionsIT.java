package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.client.model.CreateSessionRequest;
import io.signet.client.model.CreateSessionResponse;
import io.signet.client.model.RefreshSessionRequest;
import io.signet.client.model.RefreshSessionResponse;
import io.signet.client.model.RevokeSessionRequest;
import io.signet.client.model.RevokeUserSessionsRequest;
import io.signet.client.model.TrackResponse;
import io.signet.client.model.UserActionState;
import io.signet.client.model.UserAttributes;
import io.signet.client.model.ValidateSessionRequest;
import io.signet.client.model.ValidateSessionResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** createSession, validateSession, refreshSession, revokeSession and revokeUserSessions through the client. */
class SessionsIT extends SignetFixture {
    private static final String REJECTED = "invalid_request_token";
    private String clientId;

    @BeforeAll
    void createAppClient() {
        clientId = server.api().post("/admin/v1/clients", Map.of("name", "Java client ITs")).json()
                .path("clientId").asString();
        assertThat(clientId).isNotBlank();
    }

    @Test
    void a_session_from_an_allowed_action_validates_with_its_user() throws Exception {
        String userId = newUserId();
        CreateSessionResponse session = newSession(userId);
        assertThat(session.accessToken).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(session.refreshToken).isNotBlank();

        ValidateSessionRequest request = validate(session.accessToken);
        request.clientIds = new String[] {clientId};
        ValidateSessionResponse validated = await(client.validateSession(request));

        assertThat(validated.user.userId).isEqualTo(userId);
        assertThat(validated.user.email).isEqualTo(userId + "@example.com");
        long now = System.currentTimeMillis() / 1000;
        assertThat((long) validated.expiresAt).isBetween(now, now + 600);
    }

    @Test
    void a_token_is_good_for_one_session_and_another_clients_validation_is_refused() throws Exception {
        String token = allowedToken(newUserId());
        CreateSessionResponse session = await(client.createSession(create(token)));

        assertFailsWith(() -> await(client.createSession(create(token))), 422, REJECTED);
        ValidateSessionRequest otherClient = validate(session.accessToken);
        otherClient.clientIds = new String[] {"another-client"};
        assertFailsWith(() -> await(client.validateSession(otherClient)), 422, REJECTED);
    }

    @Test
    void refresh_rotates_the_tokens_and_reusing_the_old_refresh_token_ends_the_session() throws Exception {
        CreateSessionResponse session = newSession(newUserId());
        RefreshSessionResponse refreshed = await(client.refreshSession(refresh(session.refreshToken)));
        assertThat(refreshed.refreshToken).isNotBlank().isNotEqualTo(session.refreshToken);
        assertThat(refreshed.accessToken).isNotBlank().isNotEqualTo(session.accessToken);
        assertThat(await(client.validateSession(validate(refreshed.accessToken))).user.userId).isNotBlank();

        assertFailsWith(() -> await(client.refreshSession(refresh(session.refreshToken))), 422, REJECTED);
        assertFailsWith(() -> await(client.validateSession(validate(refreshed.accessToken))), 422, REJECTED);
    }

    @Test
    void revokeSession_ends_one_session_and_revokeUserSessions_every_one_of_the_user() throws Exception {
        String userId = newUserId();
        CreateSessionResponse first = newSession(userId);
        CreateSessionResponse second = newSession(userId);
        RevokeSessionRequest revoke = new RevokeSessionRequest();
        revoke.accessToken = first.accessToken;

        await(client.revokeSession(revoke));
        assertFailsWith(() -> await(client.validateSession(validate(first.accessToken))), 422, REJECTED);
        assertThat(await(client.validateSession(validate(second.accessToken))).user.userId).isEqualTo(userId);

        RevokeUserSessionsRequest revokeAll = new RevokeUserSessionsRequest();
        revokeAll.userId = userId;
        await(client.revokeUserSessions(revokeAll));
        assertFailsWith(() -> await(client.validateSession(validate(second.accessToken))), 422, REJECTED);
    }

    /** A token from a track the rules ALLOW (nothing enrolled), for a user whose email is known. */
    private String allowedToken(String userId) throws Exception {
        UserAttributes attributes = new UserAttributes();
        attributes.email = userId + "@example.com";
        await(client.updateUser(UsersIT.updateUser(userId, attributes)));
        TrackResponse tracked = await(client.track(ActionsIT.track(userId, "signIn", null)));
        assertThat(tracked.state).isEqualTo(UserActionState.ALLOW);
        return tracked.token;
    }

    private CreateSessionResponse newSession(String userId) throws Exception {
        return await(client.createSession(create(allowedToken(userId))));
    }

    private CreateSessionRequest create(String token) {
        CreateSessionRequest request = new CreateSessionRequest();
        request.clientId = clientId;
        request.token = token;
        return request;
    }

    private static ValidateSessionRequest validate(String accessToken) {
        ValidateSessionRequest request = new ValidateSessionRequest();
        request.accessToken = accessToken;
        return request;
    }

    private static RefreshSessionRequest refresh(String refreshToken) {
        RefreshSessionRequest request = new RefreshSessionRequest();
        request.refreshToken = refreshToken;
        return request;
    }
}
