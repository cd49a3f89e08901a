package io.signet.rule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What one rule evaluation may allocate. Steps and depth alone do not bound memory: {@code reduce} with
 * {@code cat} doubles a string each step, and {@code cat} of an array repeating one long string is as long
 * as all its copies. So the size of every operation's arguments and result (characters of strings and keys,
 * plus one per element) is measured before the operation runs and after it, each must stay within
 * {@link #MAX_VALUE}, and their sum within {@link #MAX_TOTAL} per evaluation. Nesting is bounded too
 * ({@link #MAX_NESTING}, as deep as a JSON input may be parsed): a {@code reduce} that wraps its accumulator in
 * an array literal nests it thousands deep within the size bounds, and JavaScript's ToString of such a value
 * recurses that deep and overflows a request thread's stack.
 */
final class SizeBudget {
    static final int MAX_VALUE = 1_000_000;
    static final long MAX_TOTAL = 20_000_000;
    static final int MAX_NESTING = 1_000;

    private long total;

    /** Charges the values an operation takes or makes; a {@link JsonLogicException} when over a bound. */
    void charge(List<JsonNode> values) {
        long size = 0;
        for (JsonNode v : values) {
            size += sizeOf(v, MAX_VALUE - size);
        }
        add(size);
    }

    void charge(JsonNode value) {
        add(sizeOf(value, MAX_VALUE));
    }

    private void add(long size) {
        if (size > MAX_VALUE) {
            throw new JsonLogicException("a value in the rule grew beyond " + MAX_VALUE + " characters or elements",
                    true);
        }
        total += size;
        if (total > MAX_TOTAL) {
            throw new JsonLogicException("the rule allocated more than " + MAX_TOTAL + " characters or elements",
                    true);
        }
    }

    /**
     * The size of {@code root}, counted only up to just past {@code limit}: a value shared many times over
     * (a DAG of references) costs at most {@code limit} visits to reject. A value nested deeper than
     * {@link #MAX_NESTING} is refused.
     */
    static long sizeOf(JsonNode root, long limit) {
        long size = 0;
        Deque<JsonNode> pending = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        pending.push(root);
        depths.push(0);
        while (!pending.isEmpty() && size <= limit) {
            JsonNode n = pending.pop();
            int depth = depths.pop();
            size += 1;
            if (n.isContainer() && depth >= MAX_NESTING) {
                throw new JsonLogicException("a value in the rule is nested more than " + MAX_NESTING + " levels deep",
                        true);
            }
            if (n.isString()) {
                size += n.stringValue().length();
            } else if (n.isArray()) {
                n.forEach(child -> {
                    pending.push(child);
                    depths.push(depth + 1);
                });
            } else if (n.isObject()) {
                for (var e : n.properties()) {
                    size += e.getKey().length();
                    pending.push(e.getValue());
                    depths.push(depth + 1);
                }
            }
        }
        return size;
    }
}
