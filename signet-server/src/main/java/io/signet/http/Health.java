package io.signet.http;

import io.javalin.http.Context;
import io.signet.store.Database;
import io.signet.store.Migrations;
import io.signet.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The probes, unauthenticated: {@code /health/live} (the process answers HTTP), {@code /health/ready}
 * (the database answers, the schema has this version's migrations, start-up, including the bootstrap file,
 * has finished, the server is not shutting down), each
 * {@code {"status":"UP"|"DOWN","checks":[{"name","status"}]}} with 200 or 503, and {@code /health}, their
 * aggregate in its original shape ({@code {"status":"ok"}} or 503 {@code {"status":"unavailable"}}).
 */
public final class Health {
    private final Database db;
    private final String schemaVersion;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    /** {@code schemaVersion}: the newest migration this code ships, which the schema must have. */
    public Health(Database db, String schemaVersion) {
        this.db = db;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Start-up has finished (the bootstrap file is applied): readiness may turn UP. Until then the HTTP port
     * is already open, so a load balancer must not send traffic yet.
     */
    public void started() {
        started.set(true);
    }

    /** From now on readiness is DOWN: the server is shutting down and load balancers should stop sending. */
    public void drain() {
        draining.set(true);
    }

    public boolean draining() {
        return draining.get();
    }

    void live(Context ctx) {
        write(ctx, List.of());
    }

    void ready(Context ctx) {
        write(ctx, readiness());
    }

    void aggregate(Context ctx) {
        boolean up = readiness().stream().allMatch(c -> c.get("status").equals("UP"));
        Router.respond(ctx, up ? 200 : 503, up ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}");
    }

    private List<Map<String, String>> readiness() {
        List<Map<String, String>> checks = new ArrayList<>();
        boolean database = db.ping();
        checks.add(check("database", database));
        checks.add(check("migrations", database && migrated()));
        checks.add(check("startup", started.get()));
        checks.add(check("shutdown", !draining.get()));
        return checks;
    }

    private boolean migrated() {
        try {
            return Migrations.isApplied(db, schemaVersion);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> check(String name, boolean up) {
        Map<String, String> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("status", up ? "UP" : "DOWN");
        return check;
    }

    private static void write(Context ctx, List<Map<String, String>> checks) {
        boolean up = checks.stream().allMatch(c -> c.get("status").equals("UP"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        Router.respond(ctx, up ? 200 : 503, Json.write(body));
    }
}
