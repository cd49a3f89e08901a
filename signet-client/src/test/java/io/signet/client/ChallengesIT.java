package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.client.model.ChallengeRequest;
import io.signet.client.model.ChallengeResponse;
import io.signet.client.model.ClaimChallengeRequest;
import io.signet.client.model.ClaimChallengeResponse;
import io.signet.client.model.GetChallengeRequest;
import io.signet.client.model.GetChallengeResponse;
import io.signet.client.model.TrackResponse;
import io.signet.client.model.UserActionState;
import io.signet.client.model.ValidateChallengeResponse;
import io.signet.client.model.VerificationMethodType;
import io.signet.client.model.VerifyRequest;
import io.signet.client.model.VerifyResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * challenge, verify, getChallenge and claimChallenge through the client. Codes come from an authenticator
 * app (TOTP computed here); SMS challenges go to dev delivery, so claim is exercised with
 * skipVerificationCheck, the way a backend that verified the user itself claims.
 */
class ChallengesIT extends SignetFixture {

    @Override
    Map<String, String> settings() {
        return Map.of("SIGNET_DEV_DELIVERY", "stdout");
    }

    @Test
    void a_verified_authenticator_app_challenge_makes_the_tracked_action_succeed() throws Exception {
        String userId = newUserId();
        enroll(userId, VerificationMethodType.AUTHENTICATOR_APP, a -> a.otpUri = Totp.OTP_URI);
        TrackResponse tracked = await(client.track(ActionsIT.track(userId, "signIn", null)));
        assertThat(tracked.state).isEqualTo(UserActionState.CHALLENGE_REQUIRED);

        ChallengeRequest request = challenge(VerificationMethodType.AUTHENTICATOR_APP, "signIn");
        request.userId = userId;
        request.idempotencyKey = tracked.idempotencyKey;
        ChallengeResponse started = await(client.challenge(request));
        assertThat(started.challengeId).isNotBlank();
        assertThat(started.idempotencyKey).isEqualTo(tracked.idempotencyKey);
        long now = System.currentTimeMillis() / 1000;
        assertThat(started.expiresAt).isBetween(now + 500, now + 610);

        String anHourAgo = Totp.at(System.currentTimeMillis() - 3_600_000);
        VerifyResponse wrong = await(client.verify(verify(started.challengeId, anHourAgo)));
        assertThat(wrong.isVerified).isFalse();
        assertThat(wrong.failureReason).isEqualTo("CODE_INVALID_OR_EXPIRED");
        VerifyResponse right = await(client.verify(verify(started.challengeId, Totp.now())));
        assertThat(right.isVerified).isTrue();
        assertThat(right.verificationMethod).isEqualTo(VerificationMethodType.AUTHENTICATOR_APP);

        assertThat(assertSucceeded(tracked.token, userId).verificationMethod).isEqualTo("AUTHENTICATOR_APP");
    }

    @Test
    void getChallenge_finds_the_active_challenge_by_id() throws Exception {
        ChallengeRequest request = challenge(VerificationMethodType.SMS, "transfer");
        request.phoneNumber = PHONE;
        ChallengeResponse started = await(client.challenge(request));

        GetChallengeRequest query = new GetChallengeRequest();
        query.challengeId = started.challengeId;
        GetChallengeResponse found = await(client.getChallenge(query));

        assertThat(found.challengeId).isEqualTo(started.challengeId);
        assertThat(found.expiresAt).isEqualTo(started.expiresAt);
        assertThat(found.verificationMethod).isEqualTo(VerificationMethodType.SMS);
        assertThat(found.phoneNumber).isEqualTo(PHONE);
        assertThat(found.action).isEqualTo("transfer");
    }

    @Test
    void claimChallenge_needs_a_verified_challenge_unless_the_check_is_skipped() throws Exception {
        ChallengeRequest request = challenge(VerificationMethodType.SMS, "signIn");
        request.phoneNumber = PHONE;
        String challengeId = await(client.challenge(request)).challengeId;
        String userId = newUserId();
        ClaimChallengeRequest claim = new ClaimChallengeRequest();
        claim.challengeId = challengeId;
        claim.userId = userId;

        assertThat(assertFailsWith(() -> await(client.claimChallenge(claim)), 400, "invalid_request")
                .getErrorDescription()).contains("has not been verified");

        claim.skipVerificationCheck = true;
        ClaimChallengeResponse claimed = await(client.claimChallenge(claim));
        assertThat(claimed.token).isNotBlank();
        assertThat(claimed.verificationMethod).isEqualTo(VerificationMethodType.SMS);
        assertThat(assertSucceeded(claimed.token, userId).userId).isEqualTo(userId);
    }

    /** Validates {@code token} for the user's signIn and asserts the action succeeded by a challenge. */
    private ValidateChallengeResponse assertSucceeded(String token, String userId) throws Exception {
        ValidateChallengeResponse validated = await(client.validateChallenge(ActionsIT.validate(token, userId, "signIn")));
        assertThat(validated.isValid).isTrue();
        assertThat(validated.state).isEqualTo(UserActionState.CHALLENGE_SUCCEEDED);
        return validated;
    }

    private static ChallengeRequest challenge(VerificationMethodType method, String action) {
        ChallengeRequest request = new ChallengeRequest();
        request.verificationMethod = method;
        request.action = action;
        return request;
    }

    private static VerifyRequest verify(String challengeId, String code) {
        VerifyRequest request = new VerifyRequest();
        request.challengeId = challengeId;
        request.verificationCode = code;
        return request;
    }
}
