package io.signet.console;

import io.signet.action.ActionListItem;
import io.signet.action.ActionResponse;
import io.signet.action.ActionService;
import io.signet.authenticator.AuthenticatorService;
import io.signet.authenticator.UserAuthenticator;
import io.signet.authenticator.WebauthnCredential;
import io.signet.error.SignetException;
import io.signet.user.QueryUsersResponse;
import io.signet.user.User;
import io.signet.user.UserQuery;
import io.signet.user.UserService;
import io.signet.wire.WireTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** User search and the user page (attributes, authenticators, actions with their rule explanation). */
final class UserPages {
    static final int PAGE = 20;
    private static final Map<String, String> SEARCH_BY = Map.of("email", "Email", "phone", "Phone number",
            "username", "Username", "id", "User id");

    private final UserService users;
    private final AuthenticatorService authenticators;
    private final ActionService actions;
    private final Layout layout;

    UserPages(ConsoleServices s, Layout layout) {
        this.users = s.users();
        this.authenticators = s.authenticators();
        this.actions = s.actions();
        this.layout = layout;
    }

    void addTo(Map<String, ConsoleRoutes.ConsolePage> pages) {
        pages.put("GET /console/users", this::search);
        pages.put("GET /console/users/{userId}", this::detail);
    }

    /** {@code GET /console/users?by=email&q=…&after=…}: one page of matches, or every user when there is no query. */
    Answer search(ConsoleRequest r) {
        if (r.tenant() == null) {
            return Answer.page(layout.page(200, r, "Users", "<p>There is no tenant yet.</p>"));
        }
        String by = SEARCH_BY.containsKey(String.valueOf(r.param("by"))) ? r.param("by") : "email";
        String q = r.param("q");
        StringBuilder select = new StringBuilder("<div class=\"field\"><label for=\"by\">Search by</label>"
                + "<select id=\"by\" name=\"by\">");
        for (String key : List.of("email", "phone", "username", "id")) {
            select.append("<option value=\"").append(key).append('"').append(key.equals(by) ? " selected" : "")
                    .append('>').append(Html.text(SEARCH_BY.get(key))).append("</option>");
        }
        select.append("</select></div>");
        String form = "<form method=\"get\" action=\"/console/users\" class=\"search\" role=\"search\">"
                + Html.hidden("tenant", r.tenantId()) + select + Html.field("q", "Search for", q, "type=\"search\"")
                + Html.button("Search", "primary") + "</form>";
        QueryUsersResponse found = find(r, by, q);
        List<List<String>> rows = new ArrayList<>();
        for (QueryUsersResponse.Item u : found.users()) {
            rows.add(List.of(Html.link(r.at("/console/users/" + Html.q(u.userId())), u.userId()), Html.text(u.email()),
                    Html.text(u.phoneNumber()), Html.text(u.username()),
                    Html.text(String.join(", ", u.enrolledVerificationMethods().stream().map(Enum::name).toList())),
                    Html.text(u.createdAt())));
        }
        String next = found.lastEvaluatedUserId() == null ? "" : "<p>" + Html.link(r.at("/console/users?by=" + by
                + "&q=" + Html.q(q) + "&after=" + Html.q(found.lastEvaluatedUserId())), "Next page") + "</p>";
        return Answer.page(layout.page(200, r, "Users", form + Html.table("Users", List.of("User id", "Email",
                "Phone", "Username", "Enrolled", "Created"), rows) + next));
    }

    private QueryUsersResponse find(ConsoleRequest r, String by, String q) {
        if (q != null && by.equals("id")) {
            return new QueryUsersResponse(users.find(r.tenantId(), q).map(u -> new QueryUsersResponse.Item(
                    u.userId(), u.email(), u.emailVerified(), u.phoneNumber(), u.phoneNumberVerified(), u.username(),
                    u.displayName(), false, users.enrollment(r.tenantId(), u.userId()).enrolled(),
                    WireTime.iso(u.createdAt()))).stream().toList(), null);
        }
        return users.query(r.tenantId(), new UserQuery(by.equals("email") ? q : null, by.equals("phone") ? q : null,
                by.equals("username") ? q : null, PAGE, r.param("after")));
    }

    /** {@code GET /console/users/{userId}}. */
    Answer detail(ConsoleRequest r) {
        String userId = r.param("userId");
        User u = users.find(r.tenantId(), userId).orElseThrow(() -> SignetException.notFound(
                "The tenant has no user '" + userId + "'."));
        String base = "/console/users/" + Html.q(userId);
        String attributes = Html.facts("User id", Html.text(u.userId()), "Email", Html.text(u.email())
                        + (u.emailVerified() ? " (verified)" : ""), "Phone", Html.text(u.phoneNumber())
                        + (u.phoneNumberVerified() ? " (verified)" : ""), "Username", Html.text(u.username()),
                "Display name", Html.text(u.displayName()), "Created", Html.text(WireTime.iso(u.createdAt())),
                "Updated", Html.text(WireTime.iso(u.updatedAt())));
        String custom = Html.section("Custom data", u.custom() == null || u.custom().isEmpty() ? "<p>None.</p>"
                : Html.json(u.custom()));
        String body = Html.section("Attributes", attributes) + custom + authenticatorsSection(r, base)
                + Html.section("Recovery codes and sessions", Html.post(r.at(base + "/recovery-codes"), r.csrf(),
                        Html.reason("codes-reason") + Html.button("Regenerate recovery codes", "secondary"))
                        + Html.post(r.at(base + "/sessions/revoke"), r.csrf(), Html.reason("sessions-reason")
                        + Html.button("Revoke all sessions", "secondary")))
                + actionsSection(r, userId) + Html.section("Delete user", "<p>Deletes the user with every "
                + "authenticator, recovery code, action, challenge and session. It cannot be undone.</p>"
                + Html.post(r.at(base + "/delete"), r.csrf(), Html.field("confirm", "Type the user id to confirm",
                        "", "required autocomplete=\"off\" data-must-equal=\"" + Html.text(userId) + "\"")
                        + Html.reason("delete-reason") + Html.button("Delete user", "danger")));
        return Answer.page(layout.page(200, r, "User " + userId, body));
    }

    private String authenticatorsSection(ConsoleRequest r, String base) {
        List<List<String>> rows = new ArrayList<>();
        for (UserAuthenticator a : authenticators.list(r.tenantId(), r.param("userId"))) {
            String action = r.at(base + "/authenticators/" + Html.q(a.userAuthenticatorId()) + "/delete");
            String id = "reason-" + a.userAuthenticatorId();
            rows.add(List.of(Html.text(a.verificationMethod().name()), describe(a), Html.text(a.createdAt()),
                    Html.text(a.lastVerifiedAt() == null ? "never" : a.lastVerifiedAt()),
                    Html.post(action, r.csrf(), Html.field(id, "Reason", "", "required maxlength=\"500\" "
                            + "autocomplete=\"off\"") + Html.button("Delete", "danger"))));
        }
        return Html.section("Authenticators", Html.table("Authenticators", List.of("Method", "Details", "Created",
                "Last verified", "Delete"), rows));
    }

    /** The contact, or for a passkey its provider's name and icon when the AAGUID is known. */
    private static String describe(UserAuthenticator a) {
        WebauthnCredential p = a.webauthnCredential();
        if (p == null) {
            return Html.text(a.email() != null ? a.email() : a.phoneNumber());
        }
        String icon = p.aaguidMapping() == null ? "" : "<img class=\"icon\" alt=\"\" src=\""
                + Html.text(p.aaguidMapping().svgIconLight()) + "\" width=\"20\" height=\"20\"> ";
        return icon + Html.text(p.name()) + (p.aaguid() == null ? "" : "<br><small>AAGUID " + Html.text(p.aaguid())
                + "</small>");
    }

    private String actionsSection(ConsoleRequest r, String userId) {
        List<List<String>> rows = new ArrayList<>();
        for (ActionListItem item : actions.query(r.tenantId(), userId, null, null, null, PAGE, null)) {
            ActionResponse full = actions.get(r.tenantId(), userId, item.actionCode(), item.idempotencyKey());
            rows.add(List.of(Html.text(item.createdAt()), Html.text(item.actionCode()), Html.text(item.state().name()),
                    Html.text(item.verificationMethod() == null ? "" : item.verificationMethod().name()),
                    explanation(full.explanation()) + " " + Html.link(r.at("/console/rules/dry-run?idempotencyKey="
                            + Html.q(item.idempotencyKey())), "Dry-run today's rules")));
        }
        return Html.section("Actions (newest first)", Html.table("Actions", List.of("Created", "Action", "State",
                "Method", "Why"), rows));
    }

    /** One line of what decided the state, the full explanation folded below it. */
    private static String explanation(JsonNode e) {
        if (e == null || e.isMissingNode() || e.isNull()) {
            return "";
        }
        String by = e.path("decidedBy").asString("");
        String rule = e.path("decidedByRuleId").isMissingNode() || e.path("decidedByRuleId").isNull() ? ""
                : " " + e.path("decidedByRuleId").asString();
        return "<details><summary>" + Html.text(by + rule + " → " + e.path("outcome").asString(""))
                + "</summary>" + Html.json(e) + "</details>";
    }
}
