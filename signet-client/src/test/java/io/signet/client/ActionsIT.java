package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signet.client.model.ActionAttributes;
import io.signet.client.model.GetActionRequest;
import io.signet.client.model.GetActionResponse;
import io.signet.client.model.QueryUserActionsRequest;
import io.signet.client.model.QueryUserActionsResponseItem;
import io.signet.client.model.TrackAttributes;
import io.signet.client.model.TrackRequest;
import io.signet.client.model.TrackResponse;
import io.signet.client.model.UpdateActionRequest;
import io.signet.client.model.UserActionState;
import io.signet.client.model.ValidateChallengeRequest;
import io.signet.client.model.ValidateChallengeResponse;
import io.signet.client.model.VerificationMethodType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** track, getAction, updateAction, queryUserActions and validateChallenge through the client. */
class ActionsIT extends SignetFixture {
    private static final String ISO_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Test
    void track_with_no_attributes_allows_a_user_with_nothing_enrolled() throws Exception {
        TrackResponse response = await(client.track(track(newUserId(), "signIn", null)));

        assertThat(response.state).isEqualTo(UserActionState.ALLOW);
        assertThat(response.isEnrolled).isFalse();
        assertThat(response.idempotencyKey).isNotBlank();
        assertThat(response.token).isNotBlank();
    }

    @Test
    void track_challenges_an_enrolled_user_and_echoes_the_callers_idempotency_key() throws Exception {
        String userId = newUserId();
        enrollSms(userId);
        TrackAttributes attributes = new TrackAttributes();
        attributes.idempotencyKey = UUID.randomUUID().toString();
        attributes.custom = Map.of("amount", 2500, "currency", "NZD");

        TrackResponse response = await(client.track(track(userId, "Login", attributes)));

        assertThat(response.state).isEqualTo(UserActionState.CHALLENGE_REQUIRED);
        assertThat(response.idempotencyKey).isEqualTo(attributes.idempotencyKey);
        assertThat(response.isEnrolled).isTrue();
        assertThat(response.enrolledVerificationMethods).contains(VerificationMethodType.SMS);
        assertThat(response.token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(response.url).startsWith(server.baseUrl());
    }

    @Test
    void getAction_and_updateAction_to_review_required() throws Exception {
        String userId = newUserId();
        TrackResponse tracked = challenged(userId, "signIn");

        GetActionResponse before = await(client.getAction(actionKey(userId, "signIn", tracked.idempotencyKey)));
        assertThat(before.state).isEqualTo(UserActionState.CHALLENGE_REQUIRED);
        assertThat(before.createdAt).matches(ISO_TIME);
        assertThat(before.stateUpdatedAt).matches(ISO_TIME);

        ActionAttributes updated = await(client.updateAction(review(userId, "signIn", tracked.idempotencyKey)));
        assertThat(updated.state).isEqualTo(UserActionState.REVIEW_REQUIRED);
        assertThat(await(client.getAction(actionKey(userId, "signIn", tracked.idempotencyKey))).state)
                .isEqualTo(UserActionState.REVIEW_REQUIRED);
    }

    @Test
    void getAction_of_an_unknown_key_fails_with_404() {
        GetActionRequest request = actionKey(newUserId(), "signIn", UUID.randomUUID().toString());
        assertFailsWith(() -> await(client.getAction(request)), 404, "not_found");
    }

    @Test
    void queryUserActions_lists_newest_first_and_filters_by_codes_and_state() throws Exception {
        String userId = newUserId();
        TrackResponse signIn = challenged(userId, "signIn");
        TrackResponse transfer = await(client.track(track(userId, "transfer", null)));
        await(client.updateAction(review(userId, "transfer", transfer.idempotencyKey)));

        QueryUserActionsResponseItem[] all = await(client.queryUserActions(query(userId)));
        assertThat(all).extracting(a -> a.actionCode, a -> a.idempotencyKey, a -> a.state).containsExactly(
                tuple("transfer", transfer.idempotencyKey, "REVIEW_REQUIRED"),
                tuple("signIn", signIn.idempotencyKey, "CHALLENGE_REQUIRED"));
        assertThat(all[1].createdAt).matches(ISO_TIME);

        QueryUserActionsRequest byCodes = query(userId);
        byCodes.actionCodes = new String[] {"signIn", "other"};
        assertThat(await(client.queryUserActions(byCodes))).extracting(a -> a.idempotencyKey)
                .containsExactly(signIn.idempotencyKey);
        QueryUserActionsRequest byState = query(userId);
        byState.state = UserActionState.REVIEW_REQUIRED;
        assertThat(await(client.queryUserActions(byState))).extracting(a -> a.idempotencyKey)
                .containsExactly(transfer.idempotencyKey);
    }

    @Test
    void validateChallenge_of_a_challenged_action_is_not_valid_and_names_the_action() throws Exception {
        String userId = newUserId();
        TrackResponse tracked = challenged(userId, "signIn");

        ValidateChallengeResponse result = await(client.validateChallenge(validate(tracked.token, userId, "signIn")));

        assertThat(result.isValid).isFalse();
        assertThat(result.state).isEqualTo(UserActionState.CHALLENGE_REQUIRED);
        assertThat(result.userId).isEqualTo(userId);
        assertThat(result.action).isEqualTo("signIn");
        assertThat(result.idempotencyKey).isEqualTo(tracked.idempotencyKey);
    }

    @Test
    void validateChallenge_is_valid_for_an_allowed_action_but_not_for_another_user_or_action() throws Exception {
        String userId = newUserId();
        String token = await(client.track(track(userId, "signIn", null))).token;

        ValidateChallengeResponse valid = await(client.validateChallenge(validate(token, userId, "signIn")));
        assertThat(valid.isValid).isTrue();
        assertThat(valid.state).isEqualTo(UserActionState.ALLOW);
        assertThat(await(client.validateChallenge(validate(token, newUserId(), "signIn"))).isValid).isFalse();
        assertThat(await(client.validateChallenge(validate(token, userId, "transfer"))).isValid).isFalse();
    }

    private TrackResponse challenged(String userId, String action) throws Exception {
        enrollSms(userId);
        TrackResponse response = await(client.track(track(userId, action, null)));
        assertThat(response.state).isEqualTo(UserActionState.CHALLENGE_REQUIRED);
        return response;
    }

    static TrackRequest track(String userId, String action, TrackAttributes attributes) {
        TrackRequest request = new TrackRequest();
        request.userId = userId;
        request.action = action;
        request.attributes = attributes;
        return request;
    }

    private static GetActionRequest actionKey(String userId, String action, String idempotencyKey) {
        GetActionRequest request = new GetActionRequest();
        request.userId = userId;
        request.action = action;
        request.idempotencyKey = idempotencyKey;
        return request;
    }

    private static UpdateActionRequest review(String userId, String action, String idempotencyKey) {
        UpdateActionRequest request = new UpdateActionRequest();
        request.userId = userId;
        request.action = action;
        request.idempotencyKey = idempotencyKey;
        request.attributes = new ActionAttributes();
        request.attributes.state = UserActionState.REVIEW_REQUIRED;
        return request;
    }

    private static QueryUserActionsRequest query(String userId) {
        QueryUserActionsRequest request = new QueryUserActionsRequest();
        request.userId = userId;
        return request;
    }

    static ValidateChallengeRequest validate(String token, String userId, String action) {
        ValidateChallengeRequest request = new ValidateChallengeRequest();
        request.token = token;
        request.userId = userId;
        request.action = action;
        return request;
    }
}
