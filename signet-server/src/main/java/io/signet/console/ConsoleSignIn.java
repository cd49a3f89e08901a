package io.signet.console;

import io.signet.action.ActionService;
import io.signet.action.TrackRequest;
import io.signet.action.TrackResponse;
import io.signet.action.VerifiedAction;
import io.signet.crypto.Ids;
import io.signet.ui.OperatorFactors;
import io.signet.user.UserService;
import java.util.Optional;
import java.util.Set;

/**
 * Operator sign-in and enrollment through Signet's own challenge code: the console tracks an action for the
 * operator in the operator realm (whose console actions always ask for a challenge) and sends the browser
 * to the hosted page at track's {@code url}, which runs the passkey or authenticator-app ceremony and
 * returns to {@link #RETURN_PATH} with an access token. That token opens a session only when its action
 * succeeded with an operator factor ({@link OperatorFactors}) and belongs to the browser that started it
 * (the action's idempotency key, kept in a cookie), so a token sent to someone else signs nobody in.
 */
public final class ConsoleSignIn {
    public static final String RETURN_PATH = "/console/signed-in";
    static final String SIGN_IN = "consoleSignIn";
    static final String ENROLL = "consoleEnroll";
    private static final Set<String> ACTIONS = Set.of(SIGN_IN, ENROLL);

    private final ActionService actions;
    private final UserService users;

    public ConsoleSignIn(ActionService actions, UserService users) {
        this.actions = actions;
        this.users = users;
    }

    /** A challenge started for an operator: where to send the browser, and the key that binds it. */
    record Started(String url, String idempotencyKey) {
    }

    /** Tracks {@code actionCode} for the operator, returning to {@code returnUrl} (absolute). */
    Started start(String userId, String actionCode, String returnUrl, String ip, String userAgent) {
        TrackResponse t = actions.track(OperatorAccounts.REALM, userId, actionCode, new TrackRequest(
                Ids.timeOrdered(), returnUrl, null, ip, userAgent, null, null, null, null, null, null, null, null,
                null, null, null));
        return new Started(t.url(), t.idempotencyKey());
    }

    /** The operator who verified, when {@code token} is a successful sign-in of the browser holding {@code key}. */
    Optional<Verified> finish(String token, String key) {
        if (token == null || key == null || token.length() > 4096) {
            return Optional.empty();
        }
        return actions.verifyToken(OperatorAccounts.REALM, token)
                .filter(VerifiedAction::isValid)
                .filter(a -> ACTIONS.contains(a.claims().actionCode()))
                .filter(a -> key.equals(a.claims().idempotencyKey()))
                .filter(a -> a.verificationMethod() != null && OperatorFactors.METHODS.contains(a.verificationMethod()))
                .flatMap(a -> users.find(OperatorAccounts.REALM, a.claims().userId())
                        .map(u -> new Verified(u.userId(), u.email(), a.claims().idempotencyKey())));
    }

    /** An operator who just verified; {@code signInRef} is the action that proves it. */
    record Verified(String userId, String email, String signInRef) {
    }
}
