package io.signet.rule;

import io.signet.wire.Json;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.NullNode;

/**
 * JavaScript's value coercions over JSON trees. JsonLogic is defined by its JavaScript reference
 * implementation (json-logic-js), so {@code ==}, {@code <}, {@code +} and friends must coerce exactly as
 * ECMAScript does (ToNumber, ToString, ToPrimitive, Abstract Equality) for rules to mean the same here as
 * in every other JsonLogic engine a tenant may test them with.
 */
final class JsValues {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Pattern DECIMAL_PREFIX =
            Pattern.compile("^[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");

    private JsValues() {
    }

    static JsonNode number(double d) {
        return DoubleNode.valueOf(d);
    }

    static JsonNode string(String s) {
        return Json.MAPPER.getNodeFactory().stringNode(s);
    }

    static JsonNode bool(boolean b) {
        return Json.MAPPER.getNodeFactory().booleanNode(b);
    }

    static ArrayNode array() {
        return Json.MAPPER.createArrayNode();
    }

    static JsonNode orNull(JsonNode n) {
        return n == null || n.isMissingNode() ? NullNode.getInstance() : n;
    }

    /** JsonLogic truthiness: JavaScript's, except that an empty array is false (jsonlogic.com/truthy). */
    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (v.isString()) {
            return !v.stringValue().isEmpty();
        }
        if (v.isArray()) {
            return !v.isEmpty();
        }
        return true;
    }

    /** ECMAScript ToNumber; NaN when the value has no numeric reading. */
    static double toNumber(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return 0;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1 : 0;
        }
        if (v.isString()) {
            return stringToNumber(v.stringValue());
        }
        return stringToNumber(toPrimitiveString(v));
    }

    private static double stringToNumber(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return 0;
        }
        if (HEX.matcher(t).matches()) {
            return new java.math.BigInteger(t.substring(2), 16).doubleValue();
        }
        if (!DECIMAL.matcher(t).matches()) {
            return Double.NaN;
        }
        return parseDecimal(t);
    }

    /** ECMAScript parseFloat: the longest decimal prefix after leading white space, else NaN. */
    static double parseFloat(JsonNode v) {
        String s = v.isNumber() ? null : toJsString(v).stripLeading();
        if (s == null) {
            return v.doubleValue();
        }
        Matcher m = DECIMAL_PREFIX.matcher(s);
        return m.find() ? parseDecimal(m.group()) : Double.NaN;
    }

    private static double parseDecimal(String t) {
        if (t.endsWith("Infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }

    /** ECMAScript ToString of a JSON value, as {@code String(v)} prints it. */
    static String toJsString(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber()) {
            return formatNumber(v.doubleValue());
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        return toPrimitiveString(v);
    }

    /** ToPrimitive of an array ({@code join(",")}, null items empty) or an object. */
    private static String toPrimitiveString(JsonNode v) {
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                JsonNode item = v.get(i);
                if (!item.isNull()) {
                    sb.append(toJsString(item));
                }
            }
            return sb.toString();
        }
        return "[object Object]";
    }

    /** Number::toString: integers without a fraction, no exponent between 1e-6 and 1e21. */
    static String formatNumber(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        String[] parts = new BigDecimal(Double.toString(d)).stripTrailingZeros().toString().split("E");
        String exponent = parts[1].startsWith("-") ? parts[1] : "+" + parts[1].replace("+", "");
        return parts[0] + "e" + exponent;
    }

    /** Abstract Equality ({@code ==}). */
    static boolean looseEquals(JsonNode a, JsonNode b) {
        a = orNull(a);
        b = orNull(b);
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (sameType(a, b)) {
            return strictEquals(a, b);
        }
        if (a.isBoolean()) {
            return looseEquals(number(toNumber(a)), b);
        }
        if (b.isBoolean()) {
            return looseEquals(a, number(toNumber(b)));
        }
        if (a.isContainer()) {
            return looseEquals(string(toPrimitiveString(a)), b);
        }
        if (b.isContainer()) {
            return looseEquals(a, string(toPrimitiveString(b)));
        }
        return toNumber(a) == toNumber(b); // number and string
    }

    /** Strict Equality ({@code ===}); arrays and objects are equal only to themselves. */
    static boolean strictEquals(JsonNode a, JsonNode b) {
        a = orNull(a);
        b = orNull(b);
        if (!sameType(a, b)) {
            return false;
        }
        if (a.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        if (a.isContainer()) {
            return a == b;
        }
        return a.equals(b);
    }

    private static boolean sameType(JsonNode a, JsonNode b) {
        return a.getNodeType() == b.getNodeType() || (a.isNumber() && b.isNumber());
    }

    /**
     * Abstract Relational Comparison: strings compare by UTF-16 code units, everything else as numbers.
     * Returns null when either side is NaN, which makes every relational operator false.
     */
    static Integer compare(JsonNode a, JsonNode b) {
        JsonNode pa = a.isContainer() ? string(toPrimitiveString(a)) : orNull(a);
        JsonNode pb = b.isContainer() ? string(toPrimitiveString(b)) : orNull(b);
        if (pa.isString() && pb.isString()) {
            return Integer.signum(pa.stringValue().compareTo(pb.stringValue()));
        }
        double x = toNumber(pa);
        double y = toNumber(pb);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return null;
        }
        return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y); // -0 == +0 in JavaScript
    }

    /** ToIntegerOrInfinity for string positions; NaN counts as 0. */
    static long toInteger(JsonNode v) {
        double d = toNumber(v);
        if (Double.isNaN(d)) {
            return 0;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        return (long) d;
    }
}
