package io.signet.clientapi;

import io.signet.action.ActionService;
import io.signet.action.ActionTokens;
import io.signet.action.VerifiedAction;
import io.signet.authenticator.AuthenticatorService;
import io.signet.authenticator.UserAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.challenge.ActionRef;
import io.signet.challenge.ClientChallenges;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.TenantSettingsService;
import io.signet.ui.CodeChallenges;
import io.signet.user.VerificationMethod;

/**
 * The Client API's OTP, authenticator-app and magic-link flows (docs/client-api.md §4.2 "Email OTP (#10–#12)"–4.6, §6) on
 * top of the Server API's services: enrollment through {@link AuthenticatorService} (pending until the first
 * successful verification), challenges and verification through {@link ClientChallenges} (the same sending
 * and attempt limits as {@code /v1/challenge} and {@code /v1/verify}), the action's result through the
 * challenge feature's action outcomes, and an {@code accessToken} for the same action on success. The hosted
 * page's plain forms use it too ({@link CodeChallenges}), so they share every limit with the routes.
 */
public final class ClientApiService implements CodeChallenges {
    /** The scope an accessToken carries, and that enrolling for an already-enrolled user needs. */
    static final String ADD_AUTHENTICATORS = ClientPrincipal.Bearer.ADD_AUTHENTICATORS;

    private final AuthenticatorService authenticators;
    private final ClientChallenges challenges;
    private final ActionTokens tokens;
    private final ActionService actions;
    private final TenantSettingsService settings;

    public ClientApiService(AuthenticatorService authenticators, ClientChallenges challenges, ActionTokens tokens,
                     ActionService actions, TenantSettingsService settings) {
        this.authenticators = authenticators;
        this.challenges = challenges;
        this.tokens = tokens;
        this.actions = actions;
        this.settings = settings;
    }

    /**
     * #10, #13, #20: a pending authenticator for the contact, and a first challenge sent to it, so that the
     * next verify (or the opened link) completes the enrollment.
     */
    ClientResponses.Enrolled enroll(ClientPrincipal.Bearer caller, VerificationMethod method, String contact,
                                    ClientRoutes.Browser browser) {
        requireEnrollable(caller);
        String id = authenticators.enrollPending(caller.tenantId(), caller.userId(), method, contact);
        String challengeId = challenges.start(action(caller), method, contact, browser.ip(), browser.userAgent());
        return new ClientResponses.Enrolled(id, caller.userId(),
                method == VerificationMethod.EMAIL_MAGIC_LINK ? challengeId : null);
    }

    /** #18: a pending authenticator app; its first correct code (#19) completes the enrollment. */
    ClientResponses.TotpEnrolled enrollTotp(ClientPrincipal.Bearer caller) {
        requireEnrollable(caller);
        String issuer = settings.client(caller.tenantId()).map(ClientSettings::rpName).orElse("Signet");
        AuthenticatorService.PendingTotp totp = authenticators.enrollPendingTotp(caller.tenantId(), caller.userId(),
                issuer);
        return new ClientResponses.TotpEnrolled(totp.userAuthenticatorId(), caller.userId(), totp.uri(),
                totp.secret());
    }

    /** #11, #14, #16, #21: a new code or link, to the user's authenticator of the method. */
    ClientResponses.Challenged challenge(ClientPrincipal.Bearer caller, VerificationMethod method,
                                         ClientRoutes.Browser browser) {
        return new ClientResponses.Challenged(challenges.start(action(caller), method, null, browser.ip(),
                browser.userAgent()));
    }

    /** #12, #15, #17, #19: the code against the action's newest open challenge of the method. */
    ClientResponses.Verified verify(ClientPrincipal.Bearer caller, VerificationMethod method, String code,
                                    String ipAddress) {
        ClientChallenges.Result r = challenges.verify(action(caller), method, code, ipAddress);
        if (!r.isVerified()) {
            return new ClientResponses.Verified(false, null, r.failureReason().name(), null);
        }
        UserAuthenticator enrolled = r.enrolled() && r.userAuthenticatorId() != null
                ? authenticators.find(caller.tenantId(), caller.userId(), r.userAuthenticatorId()).orElse(null)
                : null;
        return succeeded(caller, enrolled);
    }

    @Override
    public void send(ClientPrincipal.Bearer caller, VerificationMethod method, String userAgent, String ipAddress) {
        challenge(caller, method, new ClientRoutes.Browser(ipAddress, userAgent));
    }

    @Override
    public Outcome check(ClientPrincipal.Bearer caller, VerificationMethod method, String code, String ipAddress) {
        ClientResponses.Verified v = verify(caller, method, code, ipAddress);
        return new Outcome(v.isVerified(), v.accessToken(), v.failureReason());
    }

    /** #22: {@code isVerified:false} until the link was opened, then once the success with an accessToken. */
    ClientResponses.Verified finalizeLink(ClientPrincipal.Bearer caller) {
        ClientChallenges.Result r = challenges.finalizeLink(action(caller));
        return r.isVerified() ? succeeded(caller, null) : new ClientResponses.Verified(false, null, null, null);
    }

    /**
     * A new token for the same action, scoped to manage authenticators, returned only while the action is
     * valid (CHALLENGE_SUCCEEDED or ALLOW): an action the verification could not settle, e.g. one BLOCKed by
     * a rule, gets {@code isVerified:false} and no token.
     */
    private ClientResponses.Verified succeeded(ClientPrincipal.Bearer caller, UserAuthenticator enrolled) {
        String token = tokens.issue(caller.tenantId(), caller.userId(), caller.actionCode(), caller.idempotencyKey(),
                ADD_AUTHENTICATORS);
        boolean valid = actions.verifyToken(caller.tenantId(), token).map(VerifiedAction::isValid).orElse(false);
        return valid ? new ClientResponses.Verified(true, token, null, enrolled)
                : new ClientResponses.Verified(false, null, null, null);
    }

    /** Enrolling for a user who already has a verified authenticator needs {@value #ADD_AUTHENTICATORS}. */
    private void requireEnrollable(ClientPrincipal.Bearer caller) {
        if (!caller.hasScope(ADD_AUTHENTICATORS)) {
            caller.requireMayEnroll(authenticators.hasVerified(caller.tenantId(), caller.userId()));
        }
    }

    private static ActionRef action(ClientPrincipal.Bearer caller) {
        return new ActionRef(caller.tenantId(), caller.userId(), caller.actionCode(), caller.idempotencyKey());
    }
}
