package io.signet.action;

import java.util.List;

/**
 * Filters of queryUserActions: action codes (empty: all), a state, actions created at or after
 * {@code fromMillis}, at most {@code limit}, after the action {@code afterKey} in newest-first order.
 */
record ActionQuery(List<String> codes, ActionState state, long fromMillis, int limit, String afterKey) {
    ActionQuery {
        codes = List.copyOf(codes);
    }
}
