package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.client.JsonCodec.Answer;
import io.signet.client.model.EnrollVerifiedAuthenticatorAttributes;
import io.signet.client.model.UserAuthenticator;
import io.signet.client.model.ValidateChallengeResponse;
import io.signet.client.model.VerificationMethodType;
import org.junit.jupiter.api.Test;

/** The wire rules of the mapper, for answers the server on this branch cannot produce yet. */
class JsonCodecTest {

    @Test
    void validateChallenge_reads_action_from_actionCode_when_the_server_sends_both_names() {
        ValidateChallengeResponse response = JsonCodec.read(new Answer(200,
                "{\"isValid\":false,\"state\":\"CHALLENGE_REQUIRED\",\"actionCode\":\"signIn\",\"action\":\"signIn\","
                        + "\"userId\":\"u1\",\"idempotencyKey\":\"k1\"}"), ValidateChallengeResponse.class);
        assertThat(response.action).isEqualTo("signIn");
        assertThat(response.isValid).isFalse();
        assertThat(response.idempotencyKey).isEqualTo("k1");
    }

    @Test
    void unknown_fields_are_ignored_and_unknown_enum_values_read_as_null() {
        UserAuthenticator authenticator = JsonCodec.read(new Answer(200,
                "{\"userAuthenticatorId\":\"a1\",\"verificationMethod\":\"SOMETHING_NEW\",\"futureField\":1}"),
                UserAuthenticator.class);
        assertThat(authenticator.userAuthenticatorId).isEqualTo("a1");
        assertThat(authenticator.verificationMethod).isNull();
    }

    @Test
    void null_fields_are_not_sent_and_a_null_body_is_an_empty_object() {
        EnrollVerifiedAuthenticatorAttributes attributes = new EnrollVerifiedAuthenticatorAttributes();
        attributes.verificationMethod = VerificationMethodType.SMS;
        attributes.phoneNumber = "+64270000000";
        assertThat(JsonCodec.write(attributes)).isEqualTo("{\"phoneNumber\":\"+64270000000\",\"verificationMethod\":\"SMS\"}");
        assertThat(JsonCodec.write(null)).isEqualTo("{}");
    }

    @Test
    void an_error_body_with_only_errorCode_is_read_as_well() {
        assertThat(JsonCodec.error(new Answer(404, "{\"errorCode\":\"not_found\",\"errorDescription\":\"No such action.\"}"))
                .getMessage()).isEqualTo("AuthsignalException: 404 - No such action.");
    }
}
