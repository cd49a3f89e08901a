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
 * {@link #MAX_VALUE}, and their sum within {@link #MAX_TOTAL} per evaluation.
 */
final class SizeBudget {
    static final int MAX_VALUE = 1_000_000;
    static final long MAX_TOTAL = 20_000_000;

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
     * (a DAG of references) costs at most {@code limit} visits to reject.
     */
    static long sizeOf(JsonNode root, long limit) {
        long size = 0;
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty() && size <= limit) {
            JsonNode n = pending.pop();
            size += 1;
            if (n.isString()) {
                size += n.stringValue().length();
            } else if (n.isArray()) {
                n.forEach(pending::push);
            } else if (n.isObject()) {
                for (var e : n.properties()) {
                    size += e.getKey().length();
                    pending.push(e.getValue());
                }
            }
        }
        return size;
    }
}
