package io.signet.cli;

import io.signet.cli.AdminOptions;
import io.signet.text.UrlEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./signet webhooks ...}: the webhook admin API of a running server, for operators and scripts. */
@Command(name = "webhooks", description = "Manage webhook endpoints, inspect deliveries, redeliver events.",
        subcommands = {WebhookCommands.ListEndpoints.class, WebhookCommands.Create.class, WebhookCommands.Update.class,
                WebhookCommands.Delete.class, WebhookCommands.Deliveries.class, WebhookCommands.Redeliver.class,
                WebhookCommands.Health.class})
public final class WebhookCommands extends CommandGroup {
    private static final String BASE = "/admin/v1/webhooks";

    private static String path(String endpointId, String rest) {
        return BASE + "/" + UrlEncoding.component(endpointId) + rest;
    }

    private static int call(AdminOptions admin, String method, String path, Object body) {
        return admin.client().call(method, path, body, System.out, System.err);
    }

    /** A command about one endpoint: the admin options and the endpoint id, inherited by picocli. */
    abstract static class OnEndpoint implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(index = "0", paramLabel = "ENDPOINT_ID")
        String endpointId;

        int send(String method, String rest, Object body) {
            return WebhookCommands.call(admin, method, path(endpointId, rest), body);
        }
    }

    @Command(name = "list", description = "List the tenant's endpoints.")
    static final class ListEndpoints implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            return WebhookCommands.call(admin, "GET", BASE, null);
        }
    }

    @Command(name = "create", description = "Add an endpoint.")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(index = "0", paramLabel = "URL", description = "https URL that receives the events.")
        String endpointUrl;

        @Option(names = "--event-type", required = true, paramLabel = "TYPE",
                description = "Event type to send (repeatable); '*' for every asynchronous type.")
        List<String> eventTypes = new ArrayList<>();

        @Option(names = "--disabled", description = "Create it switched off.")
        boolean disabled;

        @Override
        public Integer call() {
            return WebhookCommands.call(admin, "POST", BASE,
                    Map.of("url", endpointUrl, "eventTypes", eventTypes, "enabled", !disabled));
        }
    }

    @Command(name = "update", description = "Change an endpoint's URL, event types or enabled flag.")
    static final class Update extends OnEndpoint {

        @Option(names = "--endpoint-url", paramLabel = "URL", description = "New URL.")
        String endpointUrl;

        @Option(names = "--event-type", paramLabel = "TYPE", description = "Replaces the event types (repeatable).")
        List<String> eventTypes;

        @Option(names = "--enabled", paramLabel = "true|false", arity = "1", description = "Switch on or off.")
        Boolean enabled;

        @Override
        public Integer call() {
            Map<String, Object> changes = new LinkedHashMap<>();
            AdminClient.putIfSet(changes, "url", endpointUrl);
            AdminClient.putIfSet(changes, "eventTypes", eventTypes);
            AdminClient.putIfSet(changes, "enabled", enabled);
            return send("PATCH", "", changes);
        }
    }

    @Command(name = "delete", description = "Delete an endpoint with its delivery log.")
    static final class Delete extends OnEndpoint {

        @Override
        public Integer call() {
            return send("DELETE", "", null);
        }
    }

    @Command(name = "deliveries", description = "List an endpoint's deliveries with their attempts, newest first.")
    static final class Deliveries extends OnEndpoint {

        @Option(names = "--status", description = "PENDING, SUCCEEDED or FAILED.")
        String status;

        @Option(names = "--limit", description = "Page size, 1 to 100 (default 20).")
        Integer limit;

        @Option(names = "--after", paramLabel = "DELIVERY_ID", description = "lastEvaluatedDeliveryId of the previous page.")
        String after;

        @Override
        public Integer call() {
            List<String> query = new ArrayList<>();
            addParam(query, "status", status);
            addParam(query, "limit", limit == null ? null : limit.toString());
            addParam(query, "lastEvaluatedDeliveryId", after);
            String suffix = query.isEmpty() ? "" : "?" + String.join("&", query);
            return send("GET", "/deliveries" + suffix, null);
        }

        private static void addParam(List<String> query, String name, String value) {
            if (value != null) {
                query.add(name + "=" + UrlEncoding.form(value));
            }
        }
    }

    @Command(name = "redeliver", description = "Send one event again, or every delivery that failed since a time.")
    static final class Redeliver extends OnEndpoint {

        @ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--event", paramLabel = "EVENT_ID", description = "The event to send again.")
            String eventId;

            @Option(names = "--failed-since", paramLabel = "TIME",
                    description = "ISO-8601 UTC time, e.g. 2025-02-20T00:00:00Z.")
            String failedSince;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = which.eventId != null
                    ? Map.of("eventId", which.eventId) : Map.of("failedSince", which.failedSince);
            return send("POST", "/redeliver", body);
        }
    }

    @Command(name = "health", description = "Success rate, last success and failure, pending and failed counts.")
    static final class Health extends OnEndpoint {

        @Override
        public Integer call() {
            return send("GET", "/health", null);
        }
    }
}
