package io.signet.passkey;

import static io.signet.passkey.CeremonyOptions.PUBLIC_KEY;
import static io.signet.passkey.CeremonyOptions.descriptors;
import static io.signet.passkey.CeremonyOptions.expiry;
import static io.signet.passkey.CeremonyOptions.requestOptions;
import static io.signet.passkey.CeremonyOptions.requestOptionsOf;
import static io.signet.passkey.PasskeyInput.firstNonNull;
import static io.signet.passkey.PasskeyInput.object;
import static io.signet.passkey.PasskeyInput.required;
import static io.signet.passkey.PasskeyInput.text;
import static io.signet.passkey.PasskeyInput.truncate;

import com.webauthn4j.data.AuthenticationData;
import io.signet.action.ActionService;
import io.signet.action.ActionTokens;
import io.signet.action.VerifiedAction;
import io.signet.authenticator.ClientPasskeyData;
import io.signet.authenticator.PasskeyRecords;
import io.signet.authenticator.PasskeyRecords.NewPasskey;
import io.signet.authenticator.PasskeyRecords.Passkey;
import io.signet.authenticator.UserAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.challenge.ActionOutcomes;
import io.signet.crypto.Ids;
import io.signet.crypto.RandomTokens;
import io.signet.error.SignetException;
import io.signet.passkey.Wire.AddPasskeyRequest;
import io.signet.passkey.Wire.AddPasskeyResponse;
import io.signet.passkey.Wire.AuthenticationOptionsRequest;
import io.signet.passkey.Wire.AuthenticationOptionsResponse;
import io.signet.passkey.Wire.ChallengeRequest;
import io.signet.passkey.Wire.ChallengeResponse;
import io.signet.passkey.Wire.CreationOptions;
import io.signet.passkey.Wire.CredentialParameter;
import io.signet.passkey.Wire.Descriptor;
import io.signet.passkey.Wire.LookupResponse;
import io.signet.passkey.Wire.RegistrationOptionsRequest;
import io.signet.passkey.Wire.RegistrationOptionsResponse;
import io.signet.passkey.Wire.Rp;
import io.signet.passkey.Wire.Selection;
import io.signet.passkey.Wire.UserEntity;
import io.signet.passkey.Wire.VerifyRequest;
import io.signet.passkey.Wire.VerifyResponse;
import io.signet.store.Database;
import io.signet.user.User;
import io.signet.user.UserChanges;
import io.signet.user.UserService;
import io.signet.user.VerificationMethod;
import io.signet.wire.IdField;
import io.signet.wire.Json;
import io.signet.wire.WireTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The Client API passkey ceremonies (docs/client-api.md §4.1 "Passkeys", §5, §6): registration options and
 * add passkey (#1-#3), named-action and authentication options (#4-#7), verify (#8) and lookup (#9).
 * Decisions are in docs/passkeys.md. The WebAuthn checks run outside any transaction; a ceremony is
 * consumed by the write that stores its result, so a replay, even a concurrent one, succeeds at most once.
 * Thread-safe: holds no mutable state.
 */
public final class PasskeyService {
    /** How long a ceremony may take, capped by the token's own expiry (docs/passkeys.md). */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** The WebAuthn {@code timeout} hint the options carry, in milliseconds. */
    static final int TIMEOUT_MILLIS = 60_000;
    /** The action an anonymous sign-in records when POST /client/challenge named none. */
    static final String DEFAULT_ACTION = "signInWithPasskey";
    private static final String ADD_AUTHENTICATORS = ClientPrincipal.Bearer.ADD_AUTHENTICATORS;
    private static final Pattern ACTION_CODE = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final Set<String> ATTACHMENTS = Set.of("platform", "cross-platform");
    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_LOOKUP_IDS = 100;
    private static final List<CredentialParameter> PARAMETERS = WebAuthn.ALGORITHMS.stream()
            .map(a -> new CredentialParameter(PUBLIC_KEY, a.getValue()))
            .toList();

    private final Database db;
    private final PasskeyRecords passkeys;
    private final UserService users;
    private final ActionOutcomes outcomes;
    private final ActionTokens tokens;
    private final ActionService actions;
    private final Clock clock;
    private final AssertionAttempts attempts;
    private final CeremonyStore ceremonies;
    private final WebAuthn webAuthn = new WebAuthn();

    public PasskeyService(Database db, CeremonyStore ceremonies, PasskeyRecords passkeys, UserService users, ActionOutcomes outcomes,
                          ActionTokens tokens, ActionService actions, Clock clock) {
        this.ceremonies = ceremonies;
        this.db = db;
        this.passkeys = passkeys;
        this.users = users;
        this.outcomes = outcomes;
        this.attempts = new AssertionAttempts(db, outcomes);
        this.tokens = tokens;
        this.actions = actions;
        this.clock = clock;
    }

    /** #1/#2: options for {@code navigator.credentials.create}, for the token's user. */
    RegistrationOptionsResponse registrationOptions(ClientPrincipal.Bearer caller, RelyingParty rp,
                                                    RegistrationOptionsRequest r) {
        String username = text("username", r.username());
        String displayName = text("displayName", r.displayName());
        String attachment = r.authenticatorAttachment();
        if (attachment != null && !ATTACHMENTS.contains(attachment)) {
            throw SignetException.invalid("'authenticatorAttachment' must be \"platform\", \"cross-platform\" or null.");
        }
        long now = clock.millis();
        return db.write(jdbc -> {
            User user = users.ensureUser(jdbc, caller.tenantId(), caller.userId(), UserChanges.NONE);
            caller.requireMayEnroll(passkeys.hasAuthenticator(jdbc, caller.tenantId(), caller.userId()));
            String name = firstNonNull(username, user.username(), user.email(), user.phoneNumber(), user.userId());
            String shown = firstNonNull(displayName, user.displayName(), name);
            Ceremony c = new Ceremony(caller.tenantId(), Ids.timeOrdered(now), Ceremony.Kind.REGISTRATION,
                    RandomTokens.base64Url(32), caller.userId(), caller.actionCode(), caller.idempotencyKey(),
                    rp.rpId(), name, shown, now, expiry(now, caller));
            ceremonies.insert(jdbc, c);
            List<Descriptor> exclude = descriptors(passkeys.ofUser(jdbc, caller.tenantId(), caller.userId()));
            return new RegistrationOptionsResponse(c.challengeId(), new CreationOptions(c.challenge(),
                    new Rp(rp.rpId(), rp.rpName()), new UserEntity(UserHandles.of(caller.userId()), name, shown),
                    PARAMETERS, TIMEOUT_MILLIS, "none", exclude,
                    new Selection("required", true, "preferred", attachment), Map.of("credProps", true)));
        });
    }

    /**
     * #3: verifies the new credential and stores it as the user's PASSKEY authenticator, then records the
     * success on the token's action and returns an accessToken for it.
     *
     * @param userAgent      the request's User-Agent header, or null
     * @param cookieDeviceId the {@code __as_aid} cookie, or null (used when the body has no deviceId)
     */
    AddPasskeyResponse addPasskey(ClientPrincipal.Bearer caller, RelyingParty rp, AddPasskeyRequest r, String userAgent,
                                  String cookieDeviceId) {
        JsonNode credential = object("registrationCredential", r.registrationCredential());
        String challengeId = required("challengeId", r.challengeId());
        String deviceId = text("deviceId", r.deviceId() != null ? r.deviceId() : cookieDeviceId);
        boolean conditionalCreate = Boolean.TRUE.equals(r.conditionalCreate());
        long now = clock.millis();
        Ceremony c = pending(caller.tenantId(), challengeId, Ceremony.Kind.REGISTRATION, now);
        if (!caller.userId().equals(c.userId()) || !caller.idempotencyKey().equals(c.idempotencyKey())) {
            throw SignetException.invalid("'challengeId' was issued for another token's registration.");
        }
        WebAuthn.Registered reg = webAuthn.register(Json.write(credential), c, rp, conditionalCreate);
        JsonNode attachmentNode = credential.get("authenticatorAttachment");
        String attachment = attachmentNode != null && ATTACHMENTS.contains(attachmentNode.asString(""))
                ? attachmentNode.asString() : null;
        ClientPasskeyData client = new ClientPasskeyData(reg.backupEligible(), reg.backedUp(), attachment, deviceId,
                truncate(userAgent, MAX_USER_AGENT), UserHandles.of(caller.userId()));
        UserAuthenticator created = db.write(jdbc -> {
            consume(jdbc, c, now);
            User before = users.find(jdbc, caller.tenantId(), caller.userId()).orElse(null);
            UserChanges names = before == null ? new UserChanges(null, null, null, null, c.userName(),
                    c.displayName(), null, null, null) : new UserChanges(null, null, null, null,
                    before.username() == null ? c.userName() : null,
                    before.displayName() == null ? c.displayName() : null, null, null, null);
            User user = users.ensureLockedUser(jdbc, caller.tenantId(), caller.userId(), names);
            caller.requireMayEnroll(passkeys.hasAuthenticator(jdbc, caller.tenantId(), caller.userId()));
            return passkeys.register(jdbc, caller.tenantId(), user, new NewPasskey(reg.credentialId(),
                    reg.publicKey(), reg.algorithm(), reg.signCount(), reg.aaguid(), reg.transports(), client));
        });
        // The token's action succeeds through the path the Server API verify uses.
        outcomes.completed(caller.tenantId(), caller.userId(), caller.actionCode(), caller.idempotencyKey(), true,
                VerificationMethod.PASSKEY, created.userAuthenticatorId());
        String token = validToken(caller);
        if (token == null) {
            return new AddPasskeyResponse(false, null, null, null, null, null);
        }
        return new AddPasskeyResponse(true, token, created.userAuthenticatorId(), caller.userId(), created,
                reg.credentialId());
    }

    /** #4/#5: an anonymous sign-in ceremony that will record {@code action} (and, 1.21+, the caller's key). */
    ChallengeResponse startChallenge(ClientPrincipal caller, RelyingParty rp, ChallengeRequest r) {
        String action = r.action();
        if (action == null || !ACTION_CODE.matcher(action).matches()) {
            throw SignetException.invalid("'action' must be 1 to 64 letters, digits, '_' or '-'.");
        }
        String key = r.idempotencyKey() == null ? null : IdField.check("idempotencyKey", r.idempotencyKey());
        long now = clock.millis();
        Ceremony c = new Ceremony(caller.tenantId(), Ids.timeOrdered(now), Ceremony.Kind.AUTHENTICATION,
                RandomTokens.base64Url(32), null, action, key, rp.rpId(), null, null, now,
                now + LIFETIME.toMillis());
        db.write(jdbc -> {
            ceremonies.insert(jdbc, c);
            return null;
        });
        return new ChallengeResponse(c.challengeId());
    }

    /**
     * #6/#7: options for {@code navigator.credentials.get}. With a token, the user's passkeys are allowed
     * (MFA); anonymously, none are listed (discoverable sign-in). A {@code challengeId} from #4 is reused.
     */
    AuthenticationOptionsResponse authenticationOptions(ClientPrincipal caller, RelyingParty rp,
                                                        AuthenticationOptionsRequest r) {
        long now = clock.millis();
        if (r.challengeId() != null) {
            Ceremony c = db.read(jdbc -> ceremonies.find(jdbc, caller.tenantId(), r.challengeId(), now))
                    .filter(x -> x.kind() == Ceremony.Kind.AUTHENTICATION && x.userId() == null)
                    .orElseThrow(() -> SignetException.invalid("'challengeId' is not a pending sign-in challenge "
                            + "of this tenant from POST /v1/client/challenge; it may have expired or been used."));
            if (caller instanceof ClientPrincipal.Bearer) {
                throw SignetException.invalid("A 'challengeId' from POST /v1/client/challenge is for sign-in "
                        + "without a token; with a token, send {}.");
            }
            return requestOptions(c, List.of());
        }
        return db.write(jdbc -> {
            Ceremony c;
            List<Descriptor> allow;
            if (caller instanceof ClientPrincipal.Bearer b) {
                c = new Ceremony(b.tenantId(), Ids.timeOrdered(now), Ceremony.Kind.AUTHENTICATION,
                        RandomTokens.base64Url(32), b.userId(), b.actionCode(), b.idempotencyKey(), rp.rpId(), null,
                        null, now, expiry(now, b));
                users.ensureUser(jdbc, b.tenantId(), b.userId(), UserChanges.NONE);
                allow = descriptors(passkeys.ofUser(jdbc, b.tenantId(), b.userId()));
            } else {
                c = new Ceremony(caller.tenantId(), Ids.timeOrdered(now), Ceremony.Kind.AUTHENTICATION,
                        RandomTokens.base64Url(32), null, null, null, rp.rpId(), null, null, now,
                        now + LIFETIME.toMillis());
                allow = List.of();
            }
            ceremonies.insert(jdbc, c);
            return requestOptions(c, allow);
        });
    }

    /**
     * #8: verifies the assertion with the stored key. With a token the passkey must be the token user's and
     * the token's action succeeds; anonymously the passkey decides the user, whose sign-in action is
     * created (the code from #4, else {@link #DEFAULT_ACTION}). Returns an accessToken for that action.
     */
    VerifyResponse verify(ClientPrincipal caller, RelyingParty rp, VerifyRequest r) {
        JsonNode credential = object("authenticationCredential", r.authenticationCredential());
        String challengeId = required("challengeId", r.challengeId());
        AuthenticationData assertion = webAuthn.parseAssertion(Json.write(credential));
        String credentialId = Base64.getUrlEncoder().withoutPadding().encodeToString(assertion.getCredentialId());
        long now = clock.millis();
        // One read for both: the ceremony (checked first, as every other challenge) and the credential.
        Found found = db.read(jdbc -> new Found(ceremonies.find(jdbc, caller.tenantId(), challengeId, now),
                passkeys.byCredentialId(jdbc, caller.tenantId(), credentialId)));
        Ceremony c = found.ceremony().filter(x -> x.kind() == Ceremony.Kind.AUTHENTICATION)
                .orElseThrow(() -> unknownChallenge(Ceremony.Kind.AUTHENTICATION));
        ClientPrincipal.Bearer bearer = caller instanceof ClientPrincipal.Bearer b ? b : null;
        if (bearer != null ? !bearer.userId().equals(c.userId()) || !bearer.idempotencyKey().equals(c.idempotencyKey())
                : c.userId() != null) {
            throw SignetException.invalid("'challengeId' was issued to another caller: verify with the same "
                    + "Authorization as the authentication options.");
        }
        Passkey passkey = found.passkey()
                .orElseThrow(() -> WebAuthn.credential("No passkey with this credential id is registered in the "
                        + "tenant; it may have been deleted."));
        if (bearer != null && !passkey.userId().equals(bearer.userId())) {
            throw WebAuthn.credential("This passkey belongs to another user than the token's.");
        }
        byte[] handle = assertion.getUserHandle();
        if (handle != null && handle.length > 0 && passkey.userHandle() != null
                && !Base64.getUrlEncoder().withoutPadding().encodeToString(handle).equals(passkey.userHandle())) {
            throw WebAuthn.credential("The response's userHandle is not the one the passkey was registered with.");
        }
        AssertionAttempts.Attempt attempt = attempts.of(caller.tenantId(), passkey, now);
        WebAuthn.Asserted asserted;
        try {
            asserted = webAuthn.authenticate(assertion, passkey, c, rp);
        } catch (RuntimeException refused) {
            attempt.counted(jdbc -> null);
            throw refused;
        }
        boolean vetoed = bearer != null && attempt.vetoed(bearer);
        User user = attempt.counted(jdbc -> {
            consume(jdbc, c, now);
            attempt.reset(jdbc);
            passkeys.recordAssertion(jdbc, caller.tenantId(), passkey.authenticatorId(), asserted.signCount(),
                    asserted.backedUp(), now);
            if (bearer != null) {
                outcomes.completed(jdbc, caller.tenantId(), bearer.userId(), bearer.actionCode(),
                        bearer.idempotencyKey(), true, vetoed, VerificationMethod.PASSKEY, passkey.authenticatorId());
            }
            return users.find(jdbc, caller.tenantId(), passkey.userId()).orElse(null);
        });
        String token;
        if (bearer != null) {
            token = validToken(bearer);
        } else {
            String actionCode = c.actionCode() != null ? c.actionCode() : DEFAULT_ACTION;
            String key = c.idempotencyKey() != null ? c.idempotencyKey() : Ids.timeOrdered(now);
            outcomes.claim(caller.tenantId(), passkey.userId(), actionCode, key, VerificationMethod.PASSKEY);
            // The action.verify webhook may veto the new action (CHALLENGE_FAILED): then no token either.
            token = ifValid(caller.tenantId(),
                    tokens.issue(caller.tenantId(), passkey.userId(), actionCode, key, ADD_AUTHENTICATORS));
        }
        if (token == null) {
            return new VerifyResponse(false, null, null, null, null, null);
        }
        return new VerifyResponse(true, token, passkey.userId(), passkey.authenticatorId(),
                user == null ? null : user.username(), user == null ? null : user.displayName());
    }

    private record Found(Optional<Ceremony> ceremony, Optional<Passkey> passkey) {
    }

    /** #9: 200 when one of the ids is a passkey of the tenant, else 404 (the browser reads only the status). */
    LookupResponse lookup(String tenantId, List<String> credentialIds) {
        List<String> ids = credentialIds.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            throw SignetException.invalid("Give 'credentialIds' (comma-separated) or 'credentialId'.");
        }
        if (ids.size() > MAX_LOOKUP_IDS) {
            throw SignetException.invalid("At most " + MAX_LOOKUP_IDS + " credential ids per lookup.");
        }
        return db.read(jdbc -> passkeys.anyOf(jdbc, tenantId, ids))
                .map(p -> new LookupResponse(p.credentialId(), WireTime.iso(p.verifiedAt())))
                .orElseThrow(() -> SignetException.notFound("None of these credentials is a passkey of this tenant."));
    }

    /** Deletes ceremonies past their expiry (background job). */
    public int purgeExpired() {
        return db.write(jdbc -> ceremonies.purgeExpired(jdbc, clock.millis()));
    }

    /**
     * A new token for the caller's action that may enroll further factors (the "implicit" add:authenticators
     * scope of §2.2), as the other Client API verifies give. Null when the action could not take the success
     * (e.g. a rule BLOCKed it): the caller then answers {@code isVerified:false} with no token.
     */
    private String validToken(ClientPrincipal.Bearer caller) {
        return ifValid(caller.tenantId(), tokens.issue(caller.tenantId(), caller.userId(), caller.actionCode(),
                caller.idempotencyKey(), ADD_AUTHENTICATORS));
    }

    /** The token when its action is valid now (CHALLENGE_SUCCEEDED or ALLOW), else null. */
    private String ifValid(String tenantId, String token) {
        return actions.verifyToken(tenantId, token).map(VerifiedAction::isValid).orElse(false) ? token : null;
    }

    private Ceremony pending(String tenantId, String challengeId, Ceremony.Kind kind, long now) {
        return db.read(jdbc -> ceremonies.find(jdbc, tenantId, challengeId, now))
                .filter(c -> c.kind() == kind)
                .orElseThrow(() -> unknownChallenge(kind));
    }

    private static SignetException unknownChallenge(Ceremony.Kind kind) {
        return SignetException.invalid("'challengeId' is not a pending passkey "
                + kind.name().toLowerCase(java.util.Locale.ROOT) + " of this tenant: it expired, was already used, "
                + "or never existed.");
    }

    private void consume(io.signet.store.Jdbc jdbc, Ceremony c, long now) {
        if (ceremonies.consume(jdbc, c.tenantId(), c.challengeId(), now).isEmpty()) {
            throw SignetException.invalid("'challengeId' was already used: every challenge is answered once.");
        }
    }
}
