package io.signet.rule;

import io.signet.crypto.Ids;
import io.signet.error.SignetException;
import io.signet.text.BoundedText;
import io.signet.user.VerificationMethod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules and action configuration: admin CRUD with validation, and {@link #decide} for track. Every
 * update bumps the rule's version, so an action's explanation names the exact condition that decided it.
 */
public final class RuleService {
    static final String EVERY_ACTION = "*";
    static final int MAX_CONDITION_BYTES = 16 * 1024;
    static final int MAX_PRIORITY = 1_000_000;
    private static final Pattern ACTION_CODE = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final int MAX_NAME = 100;
    private static final int MAX_DESCRIPTION = 1000;

    private final RuleStore store;
    private final Clock clock;

    public RuleService(RuleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Validates an action code as Authsignal does ({@code ^[a-zA-Z0-9_-]{1,64}$}, docs/server-api.md §2.6 "Path and query encoding"). */
    public static String actionCode(String field, String value) {
        if (value == null || !ACTION_CODE.matcher(value).matches()) {
            throw SignetException.invalid("'" + field + "' must be 1 to 64 letters, digits, '_' or '-'.");
        }
        return value;
    }

    /** Decides an action of {@code actionCode} for {@code input} with the tenant's current rules. */
    public Decision decide(String tenantId, String actionCode, JsonNode input) {
        return rulesFor(tenantId, actionCode).decide(input);
    }

    /** The tenant's current rules and configured default for {@code actionCode}, to decide with later. */
    public RuleSet rulesFor(String tenantId, String actionCode) {
        return new RuleSet(store.list(tenantId, actionCode), store.defaultOutcome(tenantId, actionCode).orElse(null));
    }

    /** A dry run: {@link #decide} without recording anything, reported in full. */
    public DryRunResult dryRun(String tenantId, String actionCode, ObjectNode input) {
        actionCode("actionCode", actionCode);
        ObjectNode withCode = input.deepCopy();
        withCode.put("actionCode", actionCode);
        return DryRunResult.of(actionCode, decide(tenantId, actionCode, withCode), withCode);
    }

    public RuleResponse create(String tenantId, RuleRequest r) {
        if (r.name() == null || r.condition() == null || r.outcome() == null) {
            throw SignetException.invalid("'name', 'condition' and 'outcome' are required to create a rule.");
        }
        long now = clock.millis();
        Rule rule = new Rule(tenantId, Ids.timeOrdered(now), scope(r.actionCode()), name(r.name()),
                description(r.description()), condition(r.condition()), priority(r.priority() == null ? 0 : r.priority()),
                Outcome.parse("outcome", r.outcome()), methods(r.allowedVerificationMethods()),
                method(r.defaultVerificationMethod()), r.enabled() == null || r.enabled(), 1, now, now);
        checkDefaultIsAllowed(rule);
        store.insert(rule);
        return RuleResponse.of(rule);
    }

    public List<RuleResponse> list(String tenantId, String actionCode) {
        String code = actionCode == null ? null : actionCode("actionCode", actionCode);
        return store.list(tenantId, code).stream().map(RuleResponse::of).toList();
    }

    public RuleResponse get(String tenantId, String ruleId) {
        return store.find(tenantId, ruleId).map(RuleResponse::of).orElseThrow(() -> unknown(ruleId));
    }

    /** Applies the fields sent, all validated before anything is written; the version grows by one. */
    public RuleResponse update(String tenantId, String ruleId, RuleRequest r) {
        String code = r.actionCode() == null ? null : scope(r.actionCode());
        String name = r.name() == null ? null : name(r.name());
        String description = r.description() == null ? null : description(r.description());
        JsonNode condition = r.condition() == null ? null : condition(r.condition());
        Integer priority = r.priority() == null ? null : priority(r.priority());
        Outcome outcome = Outcome.parse("outcome", r.outcome());
        List<VerificationMethod> allowed = methods(r.allowedVerificationMethods());
        VerificationMethod defaultMethod = method(r.defaultVerificationMethod());
        long now = clock.millis();
        Rule updated = store.update(tenantId, ruleId, c -> {
            Rule next = new Rule(c.tenantId(), c.ruleId(),
                    r.actionCode() == null ? c.actionCode() : code,
                    name == null ? c.name() : name,
                    description == null ? c.description() : (description.isEmpty() ? null : description),
                    condition == null ? c.condition() : condition,
                    priority == null ? c.priority() : priority,
                    outcome == null ? c.outcome() : outcome,
                    r.allowedVerificationMethods() == null ? c.allowedVerificationMethods() : allowed,
                    defaultMethod == null ? c.defaultVerificationMethod() : defaultMethod,
                    r.enabled() == null ? c.enabled() : r.enabled(),
                    c.version() + 1, c.createdAt(), now);
            checkDefaultIsAllowed(next);
            return next;
        }).orElseThrow(() -> unknown(ruleId));
        return RuleResponse.of(updated);
    }

    public void delete(String tenantId, String ruleId) {
        if (!store.delete(tenantId, ruleId)) {
            throw unknown(ruleId);
        }
    }

    public List<ActionConfiguration> configurations(String tenantId) {
        return store.configurations(tenantId);
    }

    /** Sets (or with null, removes) the outcome of an action code when no rule matches. */
    public ActionConfiguration configure(String tenantId, String actionCode, String defaultOutcome) {
        actionCode("actionCode", actionCode);
        Outcome outcome = Outcome.parse("defaultOutcome", defaultOutcome);
        store.setDefaultOutcome(tenantId, actionCode, outcome, clock.millis());
        return new ActionConfiguration(actionCode, outcome);
    }

    private static SignetException unknown(String ruleId) {
        return SignetException.notFound("No rule with ruleId '" + ruleId + "' in this tenant.");
    }

    private static String scope(String actionCode) {
        return actionCode == null || actionCode.equals(EVERY_ACTION) ? null : actionCode("actionCode", actionCode);
    }

    private static String name(String value) {
        return BoundedText.required("name", value, MAX_NAME);
    }

    private static String description(String value) {
        if (value != null && value.length() > MAX_DESCRIPTION) {
            throw SignetException.invalid("'description' must be at most " + MAX_DESCRIPTION + " characters.");
        }
        return value;
    }

    private static int priority(int value) {
        if (Math.abs(value) > MAX_PRIORITY) {
            throw SignetException.invalid("'priority' must be between -" + MAX_PRIORITY + " and " + MAX_PRIORITY + ".");
        }
        return value;
    }

    /** A condition is JsonLogic: every operator known, bounded in size and depth. */
    private static JsonNode condition(JsonNode value) {
        if (value.isNull()) {
            throw SignetException.invalid("'condition' must be a JsonLogic rule such as {\">\": [{\"var\": \"x\"}, 1]}.");
        }
        int size = value.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_CONDITION_BYTES) {
            throw SignetException.invalid("'condition' must be at most 16 KiB of JSON, got " + size + " bytes.");
        }
        try {
            JsonLogic.check(value);
        } catch (JsonLogicException e) {
            throw SignetException.invalid("'condition' is not valid JsonLogic: " + e.getMessage() + ".");
        }
        return value;
    }

    private static List<VerificationMethod> methods(List<String> values) {
        if (values == null) {
            return null;
        }
        List<VerificationMethod> out = new ArrayList<>();
        for (String v : values) {
            VerificationMethod m = method(v);
            if (m == null) {
                throw SignetException.invalid("'allowedVerificationMethods' must not contain null.");
            }
            out.add(m);
        }
        return out;
    }

    private static VerificationMethod method(String value) {
        if (value == null) {
            return null;
        }
        VerificationMethod m = VerificationMethod.parse(value);
        if (m == null || m == VerificationMethod.PALM_BIOMETRICS_RR) {
            throw SignetException.invalid("'" + value + "' is not a verification method; use SMS, EMAIL_OTP, "
                    + "EMAIL_MAGIC_LINK, AUTHENTICATOR_APP, PASSKEY, SECURITY_KEY, PUSH, WHATSAPP or another "
                    + "Authsignal method name.");
        }
        return m;
    }

    private static void checkDefaultIsAllowed(Rule r) {
        if (r.defaultVerificationMethod() != null && r.allowedVerificationMethods() != null
                && !r.allowedVerificationMethods().contains(r.defaultVerificationMethod())) {
            throw SignetException.invalid("'defaultVerificationMethod' must be one of 'allowedVerificationMethods'.");
        }
    }
}
