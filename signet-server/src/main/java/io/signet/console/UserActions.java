package io.signet.console;

import io.signet.authenticator.AuthenticatorService;
import io.signet.error.SignetException;
import io.signet.session.SessionService;
import io.signet.user.UserService;
import java.util.List;
import java.util.Map;

/**
 * What support staff change on a user, each with a required reason and an audit row: delete one
 * authenticator (the tenant's last-authenticator guard applies, with no override here), regenerate
 * recovery codes (shown once), revoke every session, delete the user after typing their id.
 */
final class UserActions {
    private final UserService users;
    private final AuthenticatorService authenticators;
    private final SessionService sessions;
    private final ConsoleAudit audit;
    private final Layout layout;

    UserActions(ConsoleServices s, Layout layout) {
        this.users = s.users();
        this.authenticators = s.authenticators();
        this.sessions = s.userSessions();
        this.audit = new ConsoleAudit(s.tenants());
        this.layout = layout;
    }

    void addTo(Map<String, ConsoleRoutes.ConsolePage> pages) {
        pages.put("POST /console/users/{userId}/authenticators/{authenticatorId}/delete", this::deleteAuthenticator);
        pages.put("POST /console/users/{userId}/recovery-codes", this::regenerateRecoveryCodes);
        pages.put("POST /console/users/{userId}/sessions/revoke", this::revokeSessions);
        pages.put("POST /console/users/{userId}/delete", this::deleteUser);
    }

    private Answer deleteAuthenticator(ConsoleRequest r) {
        String userId = r.param("userId");
        String authenticatorId = r.param("authenticatorId");
        String reason = reason(r, "reason-" + authenticatorId);
        authenticators.delete(r.tenantId(), userId, authenticatorId, false);
        audit.record(r, "authenticator.deleted", "user " + userId + " authenticator " + authenticatorId, reason);
        return Answer.redirect(r.at(userPage(userId)) + "&notice=authenticator-deleted");
    }

    private Answer regenerateRecoveryCodes(ConsoleRequest r) {
        String userId = r.param("userId");
        String reason = reason(r, "codes-reason");
        List<String> codes = authenticators.regenerateRecoveryCodes(r.tenantId(), userId);
        audit.record(r, "recovery_codes.regenerated", "user " + userId, reason);
        StringBuilder list = new StringBuilder("<ul class=\"codes\" aria-label=\"Recovery codes\">");
        codes.forEach(c -> list.append("<li><code>").append(Html.text(c)).append("</code></li>"));
        list.append("</ul>");
        return Answer.page(layout.page(200, r, "New recovery codes", "<p role=\"status\">These codes replace the "
                + "user's earlier ones and are shown only now. Pass them to the user over a channel you trust.</p>"
                + list + "<p>" + Html.link(r.at(userPage(userId)), "Back to the user") + "</p>"));
    }

    private Answer revokeSessions(ConsoleRequest r) {
        String userId = r.param("userId");
        String reason = reason(r, "sessions-reason");
        sessions.revokeUser(r.tenantId(), userId);
        audit.record(r, "sessions.revoked", "user " + userId, reason);
        return Answer.redirect(r.at(userPage(userId)) + "&notice=sessions-revoked");
    }

    private Answer deleteUser(ConsoleRequest r) {
        String userId = r.param("userId");
        if (!userId.equals(r.param("confirm"))) {
            throw SignetException.invalid("Deleting a user cannot be undone: type the user id '" + userId
                    + "' to confirm.");
        }
        String reason = reason(r, "delete-reason");
        users.find(r.tenantId(), userId).orElseThrow(() -> SignetException.notFound("The tenant has no user '"
                + userId + "'."));
        users.delete(r.tenantId(), userId);
        audit.record(r, "user.deleted", "user " + userId, reason);
        return Answer.redirect(r.at("/console/users") + "&notice=user-deleted");
    }

    private static String userPage(String userId) {
        return "/console/users/" + Html.q(userId);
    }

    /** The reason of a form whose reason field is {@code field}. */
    static String reason(ConsoleRequest r, String field) {
        return ConsoleAudit.reason(r.param(field));
    }
}
