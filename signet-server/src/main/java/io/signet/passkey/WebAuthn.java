package io.signet.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionsAuthenticatorOutputs;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.VerificationException;
import io.signet.authenticator.PasskeyRecords.Passkey;
import io.signet.authenticator.PublicKeySanity;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two WebAuthn ceremonies' checks (docs/client-api.md §5.5 "What the server verifies"), on webauthn4j as §5.6 verified it:
 * the non-strict manager (attestation {@code none} and any other format accepted without a trust path),
 * with the challenge, rpId and origin a {@link Ceremony} and its {@link RelyingParty} give. A response that
 * is not WebAuthn JSON is 400 {@code invalid_request}; one that fails a check is 400
 * {@code invalid_credential} naming the check. Thread-safe.
 */
final class WebAuthn {
    /** What registration options offer, in order of preference: EdDSA, ES256, RS256. */
    static final List<COSEAlgorithmIdentifier> ALGORITHMS = List.of(COSEAlgorithmIdentifier.EdDSA,
            COSEAlgorithmIdentifier.ES256, COSEAlgorithmIdentifier.RS256);
    private static final List<PublicKeyCredentialParameters> OFFERED = ALGORITHMS.stream()
            .map(a -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, a))
            .toList();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);

    WebAuthn() {
        // The sign-count rule (docs/passkeys.md): a counter of 0 means "no counter" and is accepted; any other
        // value must exceed the stored one, else the authenticator may be a clone and the sign-in is refused.
        manager.getAuthenticationDataVerifier().setMaliciousCounterValueHandler(o -> {
            long presented = o.getAuthenticatorData().getSignCount();
            if (presented != 0) {
                throw new MaliciousCounterValueException("the signature counter did not increase",
                        o.getCredentialRecord().getCounter(), presented);
            }
        });
    }

    /** A registration response that passed every check. */
    record Registered(String credentialId, String publicKey, long algorithm, long signCount, String aaguid,
                      List<String> transports, boolean backupEligible, boolean backedUp) {
    }

    /** An assertion that passed every check: the authenticator's new counter and backup state. */
    record Asserted(long signCount, boolean backedUp) {
    }

    /** #3: verifies {@code RegistrationResponseJSON} (as JSON text) against the ceremony. */
    Registered register(String responseJson, Ceremony ceremony, RelyingParty rp, boolean conditionalCreate) {
        RegistrationData data;
        try {
            data = manager.parseRegistrationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            throw SignetException.invalid("'registrationCredential' is not a WebAuthn RegistrationResponseJSON "
                    + "(id, rawId, type and response.clientDataJSON and attestationObject, base64url).");
        }
        checkClientData(data.getCollectedClientData());
        // Conditional create (WebAuthn L3 auto-registration) may run without a user gesture, so UP is not required.
        RegistrationParameters parameters = new RegistrationParameters(serverProperty(ceremony, rp), OFFERED,
                false, !conditionalCreate);
        try {
            manager.verify(data, parameters);
        } catch (VerificationException e) {
            throw refused(e);
        }
        AuthenticatorData<?> authData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authData.getAttestedCredentialData();
        COSEKey key = credential.getCOSEKey();
        PublicKeySanity.problem(key.getPublicKey()).ifPresent(why -> {
            throw credential("The credential's public key is not usable: " + why + ".");
        });
        Set<AuthenticatorTransport> transports = data.getTransports();
        return new Registered(B64URL.encodeToString(credential.getCredentialId()),
                B64URL.encodeToString(converter.getCborMapper().writeValueAsBytes(key)),
                key.getAlgorithm().getValue(), authData.getSignCount(),
                credential.getAaguid() == null ? null : credential.getAaguid().toString(),
                transports == null ? List.of() : transports.stream().map(AuthenticatorTransport::getValue).sorted()
                        .toList(),
                authData.isFlagBE(), authData.isFlagBS());
    }

    /** The credential id an {@code AuthenticationResponseJSON} names, parsed once for #8. */
    AuthenticationData parseAssertion(String responseJson) {
        try {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
            if (data.getCredentialId() == null || data.getCredentialId().length == 0) {
                throw new IllegalArgumentException("no id");
            }
            return data;
        } catch (RuntimeException e) {
            throw SignetException.invalid("'authenticationCredential' is not a WebAuthn AuthenticationResponseJSON "
                    + "(id, rawId, type and response.clientDataJSON, authenticatorData and signature, base64url).");
        }
    }

    /**
     * #8: verifies the assertion's signature with the stored COSE key, so a passkey enrolled through the
     * Server API (only a credential id and a public key) signs in exactly like one registered here.
     */
    Asserted authenticate(AuthenticationData data, Passkey passkey, Ceremony ceremony, RelyingParty rp) {
        checkClientData(data.getCollectedClientData());
        COSEKey key = converter.getCborMapper().readValue(Base64.getUrlDecoder().decode(passkey.publicKey()),
                COSEKey.class);
        byte[] credentialId = Base64.getUrlDecoder().decode(passkey.credentialId());
        AAGUID aaguid = passkey.aaguid() == null ? AAGUID.ZERO : new AAGUID(passkey.aaguid());
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                passkey.signCount(), new AttestedCredentialData(aaguid, credentialId, key),
                new AuthenticationExtensionsAuthenticatorOutputs<>(), null, null,
                passkey.transports().stream().map(AuthenticatorTransport::create).collect(Collectors.toSet()));
        AuthenticationParameters parameters = new AuthenticationParameters(serverProperty(ceremony, rp), record,
                List.of(credentialId), false, true);
        try {
            manager.verify(data, parameters);
        } catch (VerificationException e) {
            throw refused(e);
        }
        AuthenticatorData<?> authData = data.getAuthenticatorData();
        return new Asserted(authData.getSignCount(), authData.isFlagBS());
    }

    /**
     * Checks webauthn4j leaves to the caller: a page inside another site's frame may not run the ceremony,
     * unless the browser names the framing page ({@code topOrigin}, WebAuthn L3), which webauthn4j then
     * checks against the tenant's origins: the hosted page in popup mode is framed by the tenant's app.
     */
    private static void checkClientData(CollectedClientData clientData) {
        if (clientData == null) {
            throw SignetException.invalid("'clientDataJSON' is missing or not JSON.");
        }
        if (Boolean.TRUE.equals(clientData.getCrossOrigin()) && clientData.getTopOrigin() == null) {
            throw credential("The ceremony ran in a cross-origin frame (clientDataJSON.crossOrigin is true).");
        }
    }

    private static ServerProperty serverProperty(Ceremony ceremony, RelyingParty rp) {
        return ServerProperty.builder()
                .originPredicate(origin -> rp.allowsOrigin().test(origin.toString()))
                .topOriginPredicate(origin -> rp.allowsOrigin().test(origin.toString()))
                .rpId(ceremony.rpId())
                .challenge(new DefaultChallenge(Base64.getUrlDecoder().decode(ceremony.challenge())))
                .build();
    }

    private static SignetException refused(VerificationException e) {
        return credential(switch (e) {
            case BadOriginException x -> "The page's origin is not one of the tenant's expected origins.";
            case BadTopOriginException x -> "The page framing the ceremony is not one of the tenant's expected origins.";
            case BadRpIdException x -> "The credential is scoped to another relying party ID than the tenant's rpId.";
            case BadChallengeException x -> "The response does not sign this challenge.";
            case InconsistentClientDataTypeException x -> "clientDataJSON.type is wrong for this ceremony.";
            case BadSignatureException x -> "The signature does not verify with the passkey's public key.";
            case UserNotPresentException x -> "The authenticator did not report user presence.";
            case NotAllowedAlgorithmException x -> "The credential's algorithm is not one the options offered.";
            case MaliciousCounterValueException x -> "The signature counter did not increase: the authenticator "
                    + "may have been cloned.";
            default -> "The WebAuthn response failed verification (" + e.getClass().getSimpleName() + ").";
        });
    }

    static SignetException credential(String description) {
        return new SignetException(ErrorCode.INVALID_CREDENTIAL, description);
    }
}
