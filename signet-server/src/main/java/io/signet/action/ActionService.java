package io.signet.action;

import io.signet.crypto.Ids;
import io.signet.error.SignetException;
import io.signet.metrics.BusinessMetrics;
import io.signet.rule.Decision;
import io.signet.rule.DryRunResult;
import io.signet.rule.RuleService;
import io.signet.rule.RuleSet;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.user.Enrollment;
import io.signet.user.User;
import io.signet.user.UserAttributesRequest;
import io.signet.user.UserChanges;
import io.signet.user.UserService;
import io.signet.user.VerificationMethod;
import io.signet.webhook.Events;
import io.signet.webhook.SyncWebhooks;
import io.signet.wire.IdField;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Actions: track (record, decide by the rules, issue the token), getAction, updateAction, queryUserActions
 * and validateChallenge; plus {@link #completeChallenge} and {@link #verifyToken} for the features that
 * complete challenges and accept action tokens.
 */
public final class ActionService {
    static final Duration MAX_LOOK_BACK = Duration.ofDays(30);
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final Database db;
    private final ActionStore store;
    private final UserService users;
    private final RuleService rules;
    private final ActionTokens tokens;
    private final ActionWebhooks hooks;
    private final Supplier<String> publicUrl;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public ActionService(Database db, ActionStore store, UserService users, RuleService rules, ActionTokens tokens, Events events,
                         SyncWebhooks sync, BusinessMetrics metrics, Supplier<String> publicUrl, Clock clock) {
        this.metrics = metrics;
        this.db = db;
        this.store = store;
        this.users = users;
        this.rules = rules;
        this.tokens = tokens;
        this.hooks = new ActionWebhooks(events, sync);
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Thrown inside the write transaction when a concurrent track won the key, so ours rolls back whole. */
    private static final class AlreadyTracked extends RuntimeException {
        AlreadyTracked() {
            super(null, null, false, false);
        }
    }

    /**
     * track: validates everything, decides with the rules, then creates or updates the user and records the
     * action in one transaction. A known idempotency key returns the recorded action and writes nothing, also
     * when identical requests race (the losers roll back and read the winner's action).
     */
    public TrackResponse track(String tenantId, String userId, String actionCode, TrackRequest r) {
        RuleService.actionCode("action", actionCode);
        TrackFields.check(r);
        // track's custom is data about this action, for its rules (kept with the action); the user's custom
        // is only ever set by updateUser, so a track never overwrites it.
        UserChanges changes = users.validate(tenantId, new UserAttributesRequest(r.email(), null, r.phoneNumber(), null,
                r.username(), r.displayName(), null, null, null));
        ObjectNode custom = UserService.custom("custom", r.custom());
        String key = r.idempotencyKey() == null ? Ids.timeOrdered(clock.millis())
                : IdField.check("idempotencyKey", r.idempotencyKey());
        String scope = TrackFields.scope(r.scope());
        Optional<Action> existing = store.find(tenantId, key);
        if (existing.isPresent()) {
            return replay(existing.get(), userId, actionCode, scope, r.customDomain());
        }
        Enrollment enrollment = users.enrollment(tenantId, userId);
        long now = clock.millis();
        Optional<User> stored = users.find(tenantId, userId);
        RuleSet ruleSet = rules.rulesFor(tenantId, actionCode);
        RuleInputs.History history = RuleInputs.History.read(ruleSet, store, tenantId, userId, actionCode,
                r.deviceId(), stored.isPresent(), now);
        ObjectNode input = RuleInputs.build(actionCode, userId, stored.orElse(null), changes, enrollment, r, custom,
                history);
        Decision decision = ruleSet.decide(input);
        Action action = new Action(tenantId, key, userId, actionCode, ActionState.valueOf(decision.outcome().state()),
                now, null, null, r.ipAddress(), r.userAgent(), r.deviceId(), r.redirectUrl(), scope,
                decision.matchedRuleIds(), decision.rule() == null ? null : decision.rule().ruleId(),
                decision.rule() == null ? null : decision.rule().version(),
                io.signet.wire.Json.MAPPER.valueToTree(Explanation.of(decision)), input, now, now,
                TrackFields.locale(r.locale()));
        try {
            db.write(jdbc -> {
                users.ensureUser(jdbc, tenantId, userId, changes);
                if (!store.insert(jdbc, action)) {
                    throw new AlreadyTracked();
                }
                hooks.logged(jdbc, action);
                return null;
            });
        } catch (AlreadyTracked raced) {
            return replay(store.find(tenantId, key).orElseThrow(), userId, actionCode, scope, r.customDomain());
        }
        metrics.actionTracked(tenantId, action.state().name());
        return response(action, enrollment, decision, r.customDomain());
    }

    private TrackResponse replay(Action a, String userId, String actionCode, String scope, String customDomain) {
        if (!a.userId().equals(userId) || !a.actionCode().equals(actionCode)) {
            throw SignetException.conflict("The idempotencyKey is already used by another action; send a new key "
                    + "for a new action, or the same user and action code to get the recorded one.");
        }
        Enrollment e = users.enrollment(a.tenantId(), a.userId());
        String token = tokens.issue(a.tenantId(), a.userId(), a.actionCode(), a.idempotencyKey(),
                a.scope() == null ? scope : a.scope());
        return new TrackResponse(a.state().name(), a.idempotencyKey(), url(token, customDomain), token, e.isEnrolled(),
                e.enrolled(), e.allowed(), e.defaultMethod(), a.ruleIds());
    }

    private TrackResponse response(Action a, Enrollment e, Decision d, String customDomain) {
        String token = tokens.issue(a.tenantId(), a.userId(), a.actionCode(), a.idempotencyKey(), a.scope());
        List<VerificationMethod> allowed = e.allowed();
        VerificationMethod defaultMethod = e.defaultMethod();
        if (d.rule() != null && d.rule().allowedVerificationMethods() != null) {
            allowed = d.rule().allowedVerificationMethods();
            defaultMethod = defaultMethod != null && allowed.contains(defaultMethod) ? defaultMethod : null;
        }
        if (d.rule() != null && d.rule().defaultVerificationMethod() != null) {
            defaultMethod = d.rule().defaultVerificationMethod();
        }
        return new TrackResponse(a.state().name(), a.idempotencyKey(), url(token, customDomain), token, e.isEnrolled(),
                e.enrolled(), allowed, defaultMethod, a.ruleIds());
    }

    /** The pre-built UI link; it carries the token as a query so callers can append {@code &...} (§7.3.1). */
    private String url(String token, String customDomain) {
        String base = customDomain == null ? publicUrl.get() : "https://" + customDomain;
        return base + "/ui?token=" + token;
    }

    /** getAction: 404 when the key is unknown or belongs to another user or action code. */
    public ActionResponse get(String tenantId, String userId, String actionCode, String key) {
        return ActionResponse.of(find(tenantId, userId, actionCode, key));
    }

    private Action find(String tenantId, String userId, String actionCode, String key) {
        return store.find(tenantId, key)
                .filter(a -> a.userId().equals(userId) && a.actionCode().equals(actionCode))
                .orElseThrow(() -> SignetException.notFound("No action '" + actionCode + "' with idempotencyKey '"
                        + key + "' for this user."));
    }

    /** updateAction: only the transitions of {@link ActionState#updatableTo()}; a 400 lists them otherwise. */
    UpdateActionResponse update(String tenantId, String userId, String actionCode, String key, String state) {
        if (state == null) {
            throw SignetException.invalid("'state' is required.");
        }
        ActionState to = ActionState.parse("state", state);
        Action a = find(tenantId, userId, actionCode, key);
        if (a.state() != to) {
            if (!a.state().updatableTo().contains(to)) {
                throw SignetException.invalid("An action in state " + a.state() + " cannot move to " + to
                        + "; allowed: " + (a.state().updatableTo().isEmpty() ? "none (final state)"
                        : String.join(", ", a.state().updatableTo().stream().map(Enum::name).toList())) + ".");
            }
            if (!moveState(a, to, null, null)) {
                throw SignetException.conflict("The action changed state meanwhile; read it again and retry.");
            }
            a = find(tenantId, userId, actionCode, key);
        }
        return new UpdateActionResponse(a.state().name(), a.userId(), a.actionCode(), a.idempotencyKey(),
                io.signet.wire.WireTime.iso(a.stateUpdatedAt()));
    }

    /**
     * queryUserActions, newest first. {@code fromDate} (ISO-8601) is clamped to the 30-day look-back the
     * docs give as default and maximum; {@code codes} is a comma list; pagination continues after the
     * action {@code lastEvaluatedIdempotencyKey}.
     */
    public List<ActionListItem> query(String tenantId, String userId, String codes, String state, String fromDate,
                               Integer limit, String lastEvaluatedIdempotencyKey) {
        List<String> codeList = codes == null ? List.of() : java.util.Arrays.stream(codes.split(","))
                .map(String::trim).filter(c -> !c.isEmpty()).map(c -> RuleService.actionCode("codes", c)).toList();
        long oldest = clock.millis() - MAX_LOOK_BACK.toMillis();
        long from = oldest;
        if (fromDate != null) {
            from = Math.max(oldest, io.signet.wire.WireTime.parse("fromDate", fromDate));
        }
        ActionQuery q = new ActionQuery(codeList, state == null ? null : ActionState.parse("state", state), from,
                limit == null ? DEFAULT_PAGE : limit,
                lastEvaluatedIdempotencyKey == null ? null
                        : IdField.check("lastEvaluatedIdempotencyKey", lastEvaluatedIdempotencyKey));
        return store.query(tenantId, userId, q).stream().map(ActionListItem::of).toList();
    }

    /**
     * validateChallenge. Failures of the token (malformed, tampered, expired, another tenant's) and a
     * {@code userId} or {@code action} that does not match it are 200 {@code isValid: false} with an
     * {@code error}, never an HTTP error: SDK callers branch on {@code isValid} (docs/server-api.md §12.3 "Open points and what Signet decided").
     * Tokens are not single-use: within its 10 minutes a token reports the action's current state each
     * time, because the Client API keeps using the same token and the contract expects a second validate of
     * it to show the same state (docs/client-api.md §6.1 "State effects"). isValid is true only for ALLOW or
     * CHALLENGE_SUCCEEDED.
     */
    ValidateResponse validate(String tenantId, ValidateRequest r) {
        if (r.token() == null || r.token().isBlank()) {
            throw SignetException.invalid("'token' is required: the token returned by track or a challenge.");
        }
        TokenClaims claims;
        try {
            claims = tokens.check(tenantId, r.token());
        } catch (ActionTokens.InvalidToken e) {
            return ValidateResponse.invalid(e.getMessage());
        }
        if (r.userId() != null && !r.userId().equals(claims.userId())) {
            return ValidateResponse.invalid("The token was issued for another user.");
        }
        if (r.action() != null && !r.action().equals(claims.actionCode())) {
            return ValidateResponse.invalid("The token was issued for another action.");
        }
        Optional<Action> found = store.find(tenantId, claims.idempotencyKey())
                .filter(a -> a.userId().equals(claims.userId()) && a.actionCode().equals(claims.actionCode()));
        if (found.isEmpty()) {
            return ValidateResponse.invalid("The action of this token no longer exists.");
        }
        Action a = found.get();
        return new ValidateResponse(a.state().isValid(), a.state(), io.signet.wire.WireTime.iso(a.stateUpdatedAt()),
                a.userId(), a.actionCode(), a.actionCode(), a.idempotencyKey(), a.verificationMethod(), null);
    }

    /** Verifies an action token of {@code tenantId} and reads its action's current state. */
    public Optional<VerifiedAction> verifyToken(String tenantId, String token) {
        return tokens.verify(tenantId, token).flatMap(this::current);
    }

    /** Verifies an action token that names its own tenant (a browser holds only the token). */
    public Optional<VerifiedAction> verifyToken(String token) {
        try {
            return current(tokens.check(token));
        } catch (ActionTokens.InvalidToken e) {
            return Optional.empty();
        }
    }

    private Optional<VerifiedAction> current(TokenClaims c) {
        return store.find(c.tenantId(), c.idempotencyKey())
                .filter(a -> a.userId().equals(c.userId()) && a.actionCode().equals(c.actionCode()))
                .map(a -> new VerifiedAction(c, a.state(), a.stateUpdatedAt(), a.verificationMethod(),
                        a.redirectUrl(), a.locale()));
    }

    /**
     * Records a challenge result on the action: CHALLENGE_SUCCEEDED (from ALLOW, CHALLENGE_REQUIRED or
     * again; never from CHALLENGE_FAILED) or CHALLENGE_FAILED (from CHALLENGE_REQUIRED or CHALLENGE_FAILED), with the
     * method and, when known, the authenticator. A 400 names the state when the action cannot take it.
     *
     * <p>Every challenge result reaches actions through here (verify, magic links, claim, the Client API), so
     * this is where the tenant's {@code action.verify} webhook is asked before a move to CHALLENGE_SUCCEEDED:
     * a veto records CHALLENGE_FAILED instead, or leaves the action as it is when it cannot fail (ALLOW).
     * Returns the state the action is in afterwards.
     */
    public ActionState completeChallenge(String tenantId, String idempotencyKey, boolean succeeded,
                                         VerificationMethod method, String authenticatorId) {
        Action a = store.find(tenantId, idempotencyKey).orElseThrow(() -> unknownAction(idempotencyKey));
        boolean vetoed = succeeded && vetoesSuccess(a, method, authenticatorId);
        return db.write(jdbc -> completeChallenge(jdbc, tenantId, idempotencyKey, succeeded, vetoed, method,
                authenticatorId));
    }

    /**
     * {@link #completeChallenge(String, String, boolean, VerificationMethod, String)} in the caller's
     * transaction (the verification's), with the {@code action.verify} webhook's answer asked before it
     * ({@link #vetoesSuccess}). Throws, rolling the caller's transaction back, when the action cannot take
     * the result (400) or changed state meanwhile (409).
     */
    public ActionState completeChallenge(Jdbc jdbc, String tenantId, String idempotencyKey, boolean succeeded,
                                         boolean vetoed, VerificationMethod method, String authenticatorId) {
        Action a = store.find(jdbc, tenantId, idempotencyKey).orElseThrow(() -> unknownAction(idempotencyKey));
        ActionState to = succeeded ? ActionState.CHALLENGE_SUCCEEDED : ActionState.CHALLENGE_FAILED;
        if (!a.state().acceptsChallengeResult(succeeded)) {
            throw SignetException.invalid("The action is " + a.state() + " and cannot become " + to + ".");
        }
        if (succeeded && vetoed && a.state() != ActionState.CHALLENGE_SUCCEEDED) {
            if (!a.state().acceptsChallengeResult(false)) {
                return a.state();
            }
            to = ActionState.CHALLENGE_FAILED;
        }
        if (!moveState(jdbc, a, to, method, authenticatorId)) {
            throw SignetException.conflict("The action changed state meanwhile; retry.");
        }
        return to;
    }

    /**
     * Whether the tenant's {@code action.verify} webhook vetoes a success of the user's action; false without
     * asking when there is no such action or it would not move to CHALLENGE_SUCCEEDED. Outside any
     * transaction: it waits on the network.
     */
    public boolean vetoesSuccess(String tenantId, String userId, String actionCode, String idempotencyKey,
                                 VerificationMethod method, String authenticatorId) {
        return store.find(tenantId, idempotencyKey)
                .filter(a -> a.userId().equals(userId) && a.actionCode().equals(actionCode))
                .map(a -> vetoesSuccess(a, method, authenticatorId))
                .orElse(false);
    }

    private boolean vetoesSuccess(Action a, VerificationMethod method, String authenticatorId) {
        return a.state() != ActionState.CHALLENGE_SUCCEEDED && a.state().acceptsChallengeResult(true)
                && hooks.vetoed(a.tenantId(), a.userId(), a.actionCode(), a.idempotencyKey(), method, authenticatorId);
    }

    private static SignetException unknownAction(String idempotencyKey) {
        return SignetException.notFound("No action with idempotencyKey '" + idempotencyKey + "'.");
    }

    /**
     * The state of a new action recorded for a challenge claimed without track: CHALLENGE_SUCCEEDED unless
     * the tenant's {@code action.verify} webhook vetoes it (see {@link #completeChallenge}).
     */
    ActionState claimedState(String tenantId, String userId, String actionCode, String idempotencyKey,
                             VerificationMethod method) {
        return hooks.vetoed(tenantId, userId, actionCode, idempotencyKey, method, null)
                ? ActionState.CHALLENGE_FAILED : ActionState.CHALLENGE_SUCCEEDED;
    }

    /** Inserts an action and its log record in one transaction; false when the key is already taken. */
    boolean insert(Action action) {
        return db.write(jdbc -> {
            if (!store.insert(jdbc, action)) {
                return false;
            }
            hooks.logged(jdbc, action);
            return true;
        });
    }

    /** Moves the action's state, with its log record, in one transaction; false when it changed meanwhile. */
    private boolean moveState(Action a, ActionState to, VerificationMethod method, String authenticatorId) {
        return db.write(jdbc -> moveState(jdbc, a, to, method, authenticatorId));
    }

    private boolean moveState(Jdbc jdbc, Action a, ActionState to, VerificationMethod method,
                              String authenticatorId) {
        long now = clock.millis();
        if (!store.updateState(jdbc, a.tenantId(), a.idempotencyKey(), a.state(), to, method, authenticatorId, now)) {
            return false;
        }
        hooks.logged(jdbc, a.moved(to, method, authenticatorId, now));
        return true;
    }

    /** Dry run against a given input, or against the stored input of a recorded action. */
    public DryRunResult dryRun(String tenantId, DryRunRequest r) {
        if (r.idempotencyKey() != null) {
            Action a = store.find(tenantId, r.idempotencyKey()).orElseThrow(() -> SignetException.notFound(
                    "No action with idempotencyKey '" + r.idempotencyKey() + "' to replay."));
            return rules.dryRun(tenantId, a.actionCode(), a.ruleInput());
        }
        if (r.actionCode() == null || r.input() == null) {
            throw SignetException.invalid("Give 'actionCode' and 'input' (a rule input object), or the "
                    + "'idempotencyKey' of a recorded action.");
        }
        if (r.input().toString().length() > 64 * 1024) {
            throw SignetException.invalid("'input' must be at most 64 KiB of JSON.");
        }
        return rules.dryRun(tenantId, r.actionCode(), r.input());
    }
}
