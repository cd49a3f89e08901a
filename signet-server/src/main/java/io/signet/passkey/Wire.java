package io.signet.passkey;

import io.signet.authenticator.UserAuthenticator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Client API passkey bodies, field for field as docs/client-api.md §4.1 "Passkeys" names them (the SDKs
 * read these exact keys). Absent optionals are omitted by the mapper.
 */
final class Wire {
    private Wire() {
    }

    /** #1/#2 body. 1.19.2+ sends {@code displayName}, and {@code authenticatorAttachment} may be null. */
    record RegistrationOptionsRequest(String username, String displayName, String authenticatorAttachment) {
    }

    /** #1/#2 response. */
    record RegistrationOptionsResponse(String challengeId, CreationOptions options) {
    }

    /** {@code PublicKeyCredentialCreationOptionsJSON}. */
    record CreationOptions(String challenge, Rp rp, UserEntity user, List<CredentialParameter> pubKeyCredParams,
                           int timeout, String attestation, List<Descriptor> excludeCredentials,
                           Selection authenticatorSelection, Map<String, Object> extensions) {
    }

    record Rp(String id, String name) {
    }

    record UserEntity(String id, String name, String displayName) {
    }

    record CredentialParameter(String type, long alg) {
    }

    /** {@code PublicKeyCredentialDescriptorJSON}; {@code transports} omitted when unknown. */
    record Descriptor(String type, String id, List<String> transports) {
    }

    record Selection(String residentKey, boolean requireResidentKey, String userVerification,
                     String authenticatorAttachment) {
    }

    /** #3 body; Android also sends {@code deviceId}. */
    record AddPasskeyRequest(JsonNode registrationCredential, Boolean conditionalCreate, String challengeId,
                             String deviceId) {
    }

    /** #3 response. */
    record AddPasskeyResponse(boolean isVerified, String accessToken, String userAuthenticatorId, String userId,
                              UserAuthenticator userAuthenticator, String credentialId) {
    }

    /** #4/#5 body; 1.21+ may send {@code idempotencyKey}. */
    record ChallengeRequest(String action, String idempotencyKey) {
    }

    /** #4/#5 response. */
    record ChallengeResponse(String challengeId) {
    }

    /** #6/#7 body: {@code {}} or the {@code challengeId} of #4. */
    record AuthenticationOptionsRequest(String challengeId) {
    }

    /** #6/#7 response. */
    record AuthenticationOptionsResponse(String challengeId, RequestOptions options) {
    }

    /** {@code PublicKeyCredentialRequestOptionsJSON}. */
    record RequestOptions(String challenge, String rpId, List<Descriptor> allowCredentials, int timeout,
                          String userVerification) {
    }

    /** #8 body. */
    record VerifyRequest(JsonNode authenticationCredential, String deviceId, String challengeId) {
    }

    /** #8 response; {@code userDisplayName} is this exact key (the SDK maps it to {@code displayName}). */
    record VerifyResponse(boolean isVerified, String accessToken, String userId, String userAuthenticatorId,
                          String username, String userDisplayName) {
    }

    /** #9 response (the browser reads only the status). */
    record LookupResponse(String credentialId, String verifiedAt) {
    }
}
