package io.signet.tenant;

import java.util.Objects;

/**
 * Who changes a tenant or its keys, as the audit log records it: {@code operator} (the operator API),
 * {@code cli} (the {@code ./signet} command on the database), {@code startup} (the default tenant of a first
 * start), {@code key:<key id>} (one of the tenant's own secret keys) or {@code console:<email>} (an operator
 * of the admin console), with the caller's address when it came over HTTP.
 */
public record Actor(String who, String address) {
    public static final Actor CLI = new Actor("cli", null);
    public static final Actor STARTUP = new Actor("startup", null);
    public static final String CONSOLE_PREFIX = "console:";

    public Actor {
        Objects.requireNonNull(who);
    }

    public static Actor operator(String address) {
        return new Actor("operator", address);
    }

    public static Actor console(String operatorEmail, String address) {
        return new Actor(CONSOLE_PREFIX + operatorEmail, address);
    }

    public static Actor tenantKey(String keyId, String address) {
        return new Actor("key:" + keyId, address);
    }
}
