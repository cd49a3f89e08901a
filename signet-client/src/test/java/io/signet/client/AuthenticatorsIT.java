package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.authenticator.Passkeys;
import io.signet.client.exception.AuthsignalException;
import io.signet.client.model.DeleteAuthenticatorRequest;
import io.signet.client.model.DeleteUserRequest;
import io.signet.client.model.EnrollVerifiedAuthenticatorResponse;
import io.signet.client.model.GetAuthenticatorsRequest;
import io.signet.client.model.GetUserResponse;
import io.signet.client.model.UserAttributes;
import io.signet.client.model.UserAuthenticator;
import io.signet.client.model.VerificationMethodType;
import io.signet.client.model.WebauthnCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** enrollVerifiedAuthenticator, getAuthenticators and deleteAuthenticator through the client. */
class AuthenticatorsIT extends SignetFixture {
    private static final String ICLOUD_KEYCHAIN = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
    private static final String TOTP_URI =
            "otpauth://totp/Acme:jane?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme";

    @ParameterizedTest
    @EnumSource(value = VerificationMethodType.class, names = {"SMS", "WHATSAPP"})
    void enrolls_a_phone_method_and_the_user_becomes_enrolled(VerificationMethodType method) throws Exception {
        String userId = newUserId();
        UserAuthenticator authenticator = enroll(userId, method, a -> a.phoneNumber = PHONE).authenticator;

        assertEnrolled(authenticator, userId, method);
        assertThat(authenticator.phoneNumber).isEqualTo(PHONE);
        assertThat(authenticator.email).isNull();
        GetUserResponse user = await(client.getUser(UsersIT.getUser(userId)));
        assertThat(user.isEnrolled).isTrue();
        assertThat(user.enrolledVerificationMethods).contains(method);
        assertThat(user.email).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = VerificationMethodType.class, names = {"EMAIL_OTP", "EMAIL_MAGIC_LINK"})
    void enrolls_an_email_method(VerificationMethodType method) throws Exception {
        String userId = newUserId();
        UserAuthenticator authenticator = enroll(userId, method, a -> a.email = "jane@example.com").authenticator;

        assertEnrolled(authenticator, userId, method);
        assertThat(authenticator.email).isEqualTo("jane@example.com");
        assertThat(authenticator.phoneNumber).isNull();
    }

    @Test
    void enrolls_an_authenticator_app_from_its_otp_uri() throws Exception {
        String userId = newUserId();
        UserAuthenticator authenticator =
                enroll(userId, VerificationMethodType.AUTHENTICATOR_APP, a -> a.otpUri = TOTP_URI).authenticator;

        assertEnrolled(authenticator, userId, VerificationMethodType.AUTHENTICATOR_APP);
        assertThat(await(client.getUser(UsersIT.getUser(userId))).enrolledVerificationMethods)
                .contains(VerificationMethodType.AUTHENTICATOR_APP);
    }

    @Test
    void enrolls_a_passkey_whose_credential_names_its_provider() throws Exception {
        String userId = newUserId();
        UserAttributes attributes = new UserAttributes();
        attributes.username = "jane.passkey";
        await(client.updateUser(UsersIT.updateUser(userId, attributes)));
        String credentialId = Passkeys.credentialId();

        UserAuthenticator authenticator = enroll(userId, VerificationMethodType.PASSKEY, a -> {
            a.credentialId = credentialId;
            a.credentialPublicKey = Passkeys.es256PublicKey();
            a.name = "Jane's MacBook";
            a.aaguid = ICLOUD_KEYCHAIN;
        }).authenticator;

        assertEnrolled(authenticator, userId, VerificationMethodType.PASSKEY);
        assertThat(authenticator.username).isEqualTo("jane.passkey");
        WebauthnCredential credential = authenticator.webauthnCredential;
        assertThat(credential.credentialId).isEqualTo(credentialId);
        assertThat(credential.name).isEqualTo("Jane's MacBook");
        assertThat(credential.aaguid).isEqualTo(ICLOUD_KEYCHAIN);
        assertThat(credential.aaguidMapping.name).isEqualTo("iCloud Keychain");
        assertThat(credential.aaguidMapping.svgIconLight).startsWith("data:image/svg+xml;base64,");
    }

    @Test
    void recovery_codes_come_with_the_first_enrollment_only() throws Exception {
        String userId = newUserId();
        EnrollVerifiedAuthenticatorResponse first = enrollSms(userId);
        EnrollVerifiedAuthenticatorResponse second =
                enroll(userId, VerificationMethodType.EMAIL_OTP, a -> a.email = "second@example.com");

        assertThat(first.recoveryCodes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"));
        assertThat(second.recoveryCodes).isNull();
        assertEnrolled(second.authenticator, userId, VerificationMethodType.EMAIL_OTP);
    }

    @Test
    void getAuthenticators_lists_every_authenticator_oldest_first() throws Exception {
        String userId = newUserId();
        String sms = enrollSms(userId)
                .authenticator.userAuthenticatorId;
        String email = enroll(userId, VerificationMethodType.EMAIL_MAGIC_LINK, a -> a.email = "list@example.com")
                .authenticator.userAuthenticatorId;

        UserAuthenticator[] authenticators = list(userId);

        assertThat(authenticators).extracting(a -> a.userAuthenticatorId).containsExactly(sms, email);
        assertThat(authenticators).extracting(a -> a.verificationMethod)
                .containsExactly(VerificationMethodType.SMS, VerificationMethodType.EMAIL_MAGIC_LINK);
        assertThat(authenticators[0].phoneNumber).isEqualTo(PHONE);
        assertThat(authenticators[1].email).isEqualTo("list@example.com");
        assertThat(list(newUserId())).isEmpty();
    }

    @Test
    void deleteAuthenticator_removes_it_from_the_list() throws Exception {
        String userId = newUserId();
        DeleteAuthenticatorRequest delete = new DeleteAuthenticatorRequest();
        delete.userId = userId;
        delete.userAuthenticatorId = enrollSms(userId)
                .authenticator.userAuthenticatorId;

        await(client.deleteAuthenticator(delete));

        assertThat(list(userId)).isEmpty();
        assertThat(await(client.getUser(UsersIT.getUser(userId))).isEnrolled).isFalse();
        assertFailsWith(() -> await(client.deleteAuthenticator(delete)), 404, "not_found");
    }

    @Test
    void deleteUser_removes_the_users_authenticators() throws Exception {
        String userId = newUserId();
        enrollSms(userId);
        DeleteUserRequest delete = new DeleteUserRequest();
        delete.userId = userId;

        await(client.deleteUser(delete));

        assertThat(list(userId)).isEmpty();
    }

    @Test
    void a_bad_phone_number_fails_with_400_naming_the_field_and_enrolls_nothing() throws Exception {
        String userId = newUserId();
        AuthsignalException e = assertFailsWith(
                () -> enroll(userId, VerificationMethodType.SMS, a -> a.phoneNumber = "021 123 4567"),
                400, "invalid_request");
        assertThat(e.getErrorDescription())
                .isEqualTo("'phoneNumber' must be a phone number in E.164 format: + and 8 to 15 digits, the first not 0, for example +64270000000.");
        assertThat(list(userId)).isEmpty();
    }

    private UserAuthenticator[] list(String userId) throws Exception {
        GetAuthenticatorsRequest request = new GetAuthenticatorsRequest();
        request.userId = userId;
        return await(client.getAuthenticators(request));
    }

    private static void assertEnrolled(UserAuthenticator authenticator, String userId, VerificationMethodType method) {
        assertThat(authenticator.userId).isEqualTo(userId);
        assertThat(authenticator.verificationMethod).isEqualTo(method);
        assertThat(authenticator.userAuthenticatorId).hasSize(36);
        assertThat(authenticator.createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }
}
