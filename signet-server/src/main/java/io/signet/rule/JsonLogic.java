package io.signet.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;

/**
 * A JsonLogic evaluator (jsonlogic.com), written here so that it works on the Jackson trees rules are
 * stored as and bounds what a tenant-written rule may cost (below); {@code JsonLogicSuiteTest} runs the
 * official test suite against it. Semantics
 * follow the reference implementation json-logic-js 2.0.5, operator for operator, except that {@code log}
 * is not offered (evaluation has no I/O).
 *
 * <p>Pure and thread-safe. Each evaluation is bounded in steps, nesting and the size of what it allocates
 * ({@link SizeBudget}) so a tenant's rule cannot exhaust the server; going past a bound, an unknown operator or an argument JavaScript would throw on
 * is a {@link JsonLogicException}.
 */
public final class JsonLogic {
    static final int MAX_STEPS = 50_000;
    static final int MAX_DEPTH = 64;
    static final Set<String> OPERATORS = Set.of("==", "===", "!=", "!==", ">", ">=", "<", "<=", "!!", "!", "%",
            "in", "cat", "substr", "+", "*", "-", "/", "min", "max", "merge", "var", "missing", "missing_some",
            "if", "?:", "and", "or", "filter", "map", "reduce", "all", "none", "some");

    private final Map<String, JsonNode> reads;
    private int steps;
    private final SizeBudget budget = new SizeBudget();

    private JsonLogic(Map<String, JsonNode> reads) {
        this.reads = reads;
    }

    /** Evaluates {@code logic} against {@code data}. */
    public static JsonNode apply(JsonNode logic, JsonNode data) {
        return new JsonLogic(new LinkedHashMap<>()).eval(logic, JsValues.orNull(data), true, 0);
    }

    /**
     * Evaluates and records in {@code reads} every value the rule read from the top-level data, by its
     * {@code var} path, in the order read: the evidence behind a decision.
     */
    public static JsonNode apply(JsonNode logic, JsonNode data, Map<String, JsonNode> reads) {
        return new JsonLogic(reads).eval(logic, JsValues.orNull(data), true, 0);
    }

    /** JsonLogic truthiness of a result. */
    public static boolean truthy(JsonNode value) {
        return JsValues.truthy(value);
    }

    /**
     * Checks a rule before it is stored: every operator must be known and nesting bounded. Data-dependent
     * failures (for example {@code missing_some} given no array) can still happen when it runs.
     */
    public static void check(JsonNode logic) {
        if (SizeBudget.sizeOf(logic, SizeBudget.MAX_VALUE) > SizeBudget.MAX_VALUE) {
            throw new JsonLogicException("the rule is larger than " + SizeBudget.MAX_VALUE + " characters or elements");
        }
        check(logic, 0);
        try {
            // A trial run on empty data: a rule that exhausts its bounds with no data at all (a reduce
            // doubling a literal string) would do so on every track; data-dependent errors are left to runtime.
            apply(logic, JsValues.array().objectNode());
        } catch (JsonLogicException e) {
            if (e.exhausted()) {
                throw e;
            }
        }
    }

    private static void check(JsonNode logic, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonLogicException("the rule is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (logic.isArray()) {
            logic.forEach(item -> check(item, depth + 1));
        } else if (isLogic(logic)) {
            String op = logic.propertyNames().iterator().next();
            if (!OPERATORS.contains(op)) {
                throw new JsonLogicException("unrecognized operation '" + op + "'");
            }
            check(logic.get(op), depth + 1);
        }
    }

    /** An operation's arguments: its array, or its single non-array argument ({"var": "a"}). */
    static List<JsonNode> arguments(JsonNode raw) {
        List<JsonNode> args = new ArrayList<>();
        if (raw.isArray()) {
            raw.forEach(args::add);
        } else {
            args.add(raw);
        }
        return args;
    }

    /** A rule is an object with exactly one key, the operator; everything else is a literal. */
    static boolean isLogic(JsonNode n) {
        return n != null && n.isObject() && n.size() == 1;
    }

    private JsonNode eval(JsonNode logic, JsonNode data, boolean root, int depth) {
        if (++steps > MAX_STEPS) {
            throw new JsonLogicException("the rule needed more than " + MAX_STEPS + " evaluation steps", true);
        }
        if (depth > MAX_DEPTH) {
            throw new JsonLogicException("the rule is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (logic.isArray()) {
            ArrayNode out = JsValues.array();
            logic.forEach(item -> out.add(eval(item, data, root, depth + 1)));
            budget.charge(out);
            return out;
        }
        if (!isLogic(logic)) {
            return logic;
        }
        String op = logic.propertyNames().iterator().next();
        List<JsonNode> args = arguments(logic.get(op));
        JsonNode special = control(op, args, data, root, depth + 1);
        if (special != null) {
            budget.charge(special);
            return special;
        }
        if (!OPERATORS.contains(op)) {
            throw new JsonLogicException("unrecognized operation '" + op + "'");
        }
        List<JsonNode> values = new ArrayList<>(args.size());
        for (JsonNode a : args) {
            values.add(eval(a, data, root, depth + 1));
        }
        return switch (op) {
            case "var" -> variable(values, data, root);
            case "missing" -> missing(values, data, root);
            case "missing_some" -> missingSome(values, data, root);
            default -> {
                budget.charge(values); // before: cat and merge make something as large as their arguments
                JsonNode result = Operators.apply(op, values);
                budget.charge(result);
                yield result;
            }
        };
    }

    /** Operators that decide themselves which arguments to evaluate; null for every other operator. */
    private JsonNode control(String op, List<JsonNode> args, JsonNode data, boolean root, int depth) {
        return switch (op) {
            case "if", "?:" -> conditional(args, data, root, depth);
            case "and", "or" -> {
                JsonNode current = NullNode.getInstance();
                for (JsonNode a : args) {
                    current = eval(a, data, root, depth);
                    if (JsValues.truthy(current) == op.equals("or")) {
                        break;
                    }
                }
                yield current;
            }
            case "filter", "map", "all", "none", "some" -> iterate(op, args, data, root, depth);
            case "reduce" -> reduce(args, data, root, depth);
            default -> null;
        };
    }

    private JsonNode conditional(List<JsonNode> args, JsonNode data, boolean root, int depth) {
        int i = 0;
        for (; i < args.size() - 1; i += 2) {
            if (JsValues.truthy(eval(args.get(i), data, root, depth))) {
                return eval(args.get(i + 1), data, root, depth);
            }
        }
        return args.size() == i + 1 ? eval(args.get(i), data, root, depth) : NullNode.getInstance();
    }

    /** Array operators: the second argument runs once per item, with the item as its data. */
    private JsonNode iterate(String op, List<JsonNode> args, JsonNode data, boolean root, int depth) {
        JsonNode items = args.isEmpty() ? NullNode.getInstance() : eval(args.get(0), data, root, depth);
        JsonNode logic = args.size() > 1 ? args.get(1) : NullNode.getInstance();
        boolean isArray = items.isArray();
        if (op.equals("filter") || op.equals("map")) {
            ArrayNode out = JsValues.array();
            if (isArray) {
                for (JsonNode item : items) {
                    JsonNode r = eval(logic, item, false, depth);
                    if (op.equals("map")) {
                        out.add(r);
                    } else if (JsValues.truthy(r)) {
                        out.add(item);
                    }
                }
            }
            return out;
        }
        if (!isArray || items.isEmpty()) {
            return JsValues.bool(op.equals("none"));
        }
        for (JsonNode item : items) {
            boolean t = JsValues.truthy(eval(logic, item, false, depth));
            if (op.equals("all") && !t) {
                return JsValues.bool(false);
            }
            if (!op.equals("all") && t) {
                return JsValues.bool(op.equals("some"));
            }
        }
        return JsValues.bool(!op.equals("some"));
    }

    private JsonNode reduce(List<JsonNode> args, JsonNode data, boolean root, int depth) {
        JsonNode items = args.isEmpty() ? NullNode.getInstance() : eval(args.get(0), data, root, depth);
        JsonNode logic = args.size() > 1 ? args.get(1) : NullNode.getInstance();
        JsonNode accumulator = args.size() > 2 ? eval(args.get(2), data, root, depth) : NullNode.getInstance();
        if (!items.isArray()) {
            return accumulator;
        }
        for (JsonNode item : items) {
            var scope = JsValues.array().objectNode();
            scope.set("current", item);
            scope.set("accumulator", accumulator);
            accumulator = eval(logic, scope, false, depth);
        }
        return accumulator;
    }

    /** {@code var}: a dotted path into the data, with an optional default for a missing value. */
    private JsonNode variable(List<JsonNode> values, JsonNode data, boolean root) {
        JsonNode notFound = values.size() > 1 ? JsValues.orNull(values.get(1)) : NullNode.getInstance();
        JsonNode path = values.isEmpty() ? NullNode.getInstance() : values.get(0);
        if (path.isNull() || (path.isString() && path.stringValue().isEmpty())) {
            return data;
        }
        String key = JsValues.toJsString(path);
        JsonNode current = data;
        JsonNode result = null;
        for (String part : key.split("\\.", -1)) {
            current = child(current, part);
            if (current == null) {
                result = notFound;
                break;
            }
        }
        result = result == null ? current : result;
        if (root) {
            reads.putIfAbsent(key, result);
        }
        return result;
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return node.get(key);
        }
        if (node.isArray() && key.matches("\\d{1,9}")) {
            return node.get(Integer.parseInt(key));
        }
        return null;
    }

    private JsonNode missing(List<JsonNode> values, JsonNode data, boolean root) {
        List<JsonNode> keys = !values.isEmpty() && values.get(0).isArray() ? toList(values.get(0)) : values;
        ArrayNode out = JsValues.array();
        for (JsonNode key : keys) {
            JsonNode v = variable(List.of(key), data, root);
            if (v.isNull() || (v.isString() && v.stringValue().isEmpty())) {
                out.add(key);
            }
        }
        return out;
    }

    private JsonNode missingSome(List<JsonNode> values, JsonNode data, boolean root) {
        JsonNode options = values.size() > 1 ? values.get(1) : NullNode.getInstance();
        if (!options.isArray()) {
            // json-logic-js reads options.length and throws a TypeError for anything but an array
            throw new JsonLogicException("missing_some needs an array of keys as its second argument, got "
                    + JsValues.toJsString(options));
        }
        JsonNode missing = missing(List.of(options), data, root);
        double need = JsValues.toNumber(values.getFirst());
        return options.size() - missing.size() >= need ? JsValues.array() : missing;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
