package io.signet.rule;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Which input values a rule condition may read, found without running it, so track computes an input that
 * needs the user's history (counts, known devices) only when a rule of the action reads it. Conservative:
 * a {@code var} whose path is computed ({@code {"var": {"cat": ...}}}) or reads the whole data ({@code ""})
 * may read anything, and a {@code var} inside {@code map}/{@code filter}/... is treated as reading the root
 * even though it reads the item; a false "may read" only costs a query, a missed read would change a decision.
 */
final class RuleReads {
    private static final JsonNode NULL_KEY = NullNode.getInstance();

    private RuleReads() {
    }

    /** Whether evaluating {@code logic} may read the value at the dotted {@code path} of the rule input. */
    static boolean mayRead(JsonNode logic, String path) {
        if (logic == null) {
            return false;
        }
        if (logic.isArray()) {
            for (JsonNode item : logic) {
                if (mayRead(item, path)) {
                    return true;
                }
            }
            return false;
        }
        if (!JsonLogic.isLogic(logic)) {
            return false;
        }
        String op = logic.propertyNames().iterator().next();
        JsonNode raw = logic.get(op);
        List<JsonNode> args = JsonLogic.arguments(raw);
        List<JsonNode> keys = switch (op) {
            case "var" -> args.isEmpty() ? List.of(NULL_KEY) : List.of(args.getFirst());
            case "missing" -> !args.isEmpty() && args.getFirst().isArray() ? JsonLogic.arguments(args.getFirst()) : args;
            case "missing_some" -> args.size() > 1 && args.get(1).isArray() ? JsonLogic.arguments(args.get(1))
                    : List.of(NULL_KEY);
            default -> List.of();
        };
        for (JsonNode key : keys) {
            if (keyMayReach(key, path)) {
                return true;
            }
        }
        return mayRead(raw, path);
    }

    private static boolean keyMayReach(JsonNode key, String path) {
        if (key.isObject() || key.isArray()) {
            return true; // computed at run time: could be anything
        }
        if (key.isNull()) {
            return true; // the whole data
        }
        String k = JsValues.toJsString(key);
        return k.isEmpty() || k.equals(path) || path.startsWith(k + ".") || k.startsWith(path + ".");
    }
}
