package io.signet.rule;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;

/** The JsonLogic operators whose arguments are all evaluated first, as json-logic-js defines them. */
final class Operators {
    private Operators() {
    }

    static JsonNode apply(String op, List<JsonNode> v) {
        return switch (op) {
            case "==" -> JsValues.bool(JsValues.looseEquals(arg(v, 0), arg(v, 1)));
            case "===" -> JsValues.bool(JsValues.strictEquals(arg(v, 0), arg(v, 1)));
            case "!=" -> JsValues.bool(!JsValues.looseEquals(arg(v, 0), arg(v, 1)));
            case "!==" -> JsValues.bool(!JsValues.strictEquals(arg(v, 0), arg(v, 1)));
            case ">" -> JsValues.bool(less(arg(v, 1), arg(v, 0), false));
            case ">=" -> JsValues.bool(less(arg(v, 1), arg(v, 0), true));
            case "<", "<=" -> between(v, op.equals("<="));
            case "!!" -> JsValues.bool(JsValues.truthy(arg(v, 0)));
            case "!" -> JsValues.bool(!JsValues.truthy(arg(v, 0)));
            case "%" -> JsValues.number(JsValues.toNumber(arg(v, 0)) % JsValues.toNumber(arg(v, 1)));
            case "/" -> JsValues.number(JsValues.toNumber(arg(v, 0)) / JsValues.toNumber(arg(v, 1)));
            case "-" -> v.size() < 2
                    ? JsValues.number(-JsValues.toNumber(arg(v, 0)))
                    : JsValues.number(JsValues.toNumber(v.get(0)) - JsValues.toNumber(v.get(1)));
            case "+" -> {
                double sum = 0;
                for (JsonNode n : v) {
                    sum = sum + JsValues.parseFloat(n);
                }
                yield JsValues.number(sum);
            }
            case "*" -> product(v);
            case "min", "max" -> extreme(v, op.equals("max"));
            case "in" -> in(arg(v, 0), arg(v, 1));
            case "cat" -> {
                StringBuilder sb = new StringBuilder();
                v.forEach(n -> sb.append(n.isNull() ? "" : JsValues.toJsString(n)));
                yield JsValues.string(sb.toString());
            }
            case "substr" -> substr(v);
            case "merge" -> {
                ArrayNode out = JsValues.array();
                v.forEach(n -> {
                    if (n.isArray()) {
                        out.addAll((ArrayNode) n);
                    } else {
                        out.add(n);
                    }
                });
                yield out;
            }
            default -> throw new JsonLogicException("unrecognized operation '" + op + "'");
        };
    }

    private static JsonNode arg(List<JsonNode> v, int i) {
        return i < v.size() ? v.get(i) : NullNode.getInstance();
    }

    private static boolean less(JsonNode a, JsonNode b, boolean orEqual) {
        Integer c = JsValues.compare(a, b);
        return c != null && (c < 0 || (orEqual && c == 0));
    }

    /** {@code <} and {@code <=} take an optional third argument: {@code a < b < c}. */
    private static JsonNode between(List<JsonNode> v, boolean orEqual) {
        boolean first = less(arg(v, 0), arg(v, 1), orEqual);
        if (v.size() < 3) {
            return JsValues.bool(first);
        }
        return JsValues.bool(first && less(v.get(1), v.get(2), orEqual));
    }

    /** Array.reduce without a seed: one argument comes back unconverted, none is a TypeError. */
    private static JsonNode product(List<JsonNode> v) {
        if (v.isEmpty()) {
            throw new JsonLogicException("'*' needs at least one argument");
        }
        if (v.size() == 1) {
            return v.getFirst();
        }
        double p = JsValues.parseFloat(v.getFirst());
        for (int i = 1; i < v.size(); i++) {
            p = p * JsValues.parseFloat(v.get(i));
        }
        return JsValues.number(p);
    }

    private static JsonNode extreme(List<JsonNode> v, boolean max) {
        double r = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (JsonNode n : v) {
            double d = JsValues.toNumber(n);
            if (Double.isNaN(d)) {
                return JsValues.number(Double.NaN);
            }
            r = max ? Math.max(r, d) : Math.min(r, d);
        }
        return JsValues.number(r);
    }

    /** Substring of a string, or membership in an array by strict equality; false for anything else. */
    private static JsonNode in(JsonNode needle, JsonNode haystack) {
        if (haystack.isString()) {
            String h = haystack.stringValue();
            return JsValues.bool(!h.isEmpty() && h.contains(JsValues.toJsString(needle)));
        }
        if (haystack.isArray() && !haystack.isEmpty()) {
            for (JsonNode item : haystack) {
                if (JsValues.strictEquals(item, needle)) {
                    return JsValues.bool(true);
                }
            }
        }
        return JsValues.bool(false);
    }

    /** String.prototype.substr, plus PHP's negative length that json-logic-js emulates. */
    private static JsonNode substr(List<JsonNode> v) {
        String s = JsValues.toJsString(arg(v, 0));
        int start = clampStart(JsValues.toInteger(arg(v, 1)), s.length());
        String rest = s.substring(start);
        if (v.size() < 3) {
            return JsValues.string(rest);
        }
        long length = JsValues.toInteger(v.get(2));
        if (length < 0) {
            return JsValues.string(rest.substring(0, (int) Math.max(0, rest.length() + length)));
        }
        return JsValues.string(rest.substring(0, (int) Math.min(rest.length(), length)));
    }

    private static int clampStart(long start, int size) {
        if (start < 0) {
            return (int) Math.max(size + start, 0);
        }
        return (int) Math.min(start, size);
    }
}
