package io.signet.cli;

import io.signet.wire.Json;
import io.signet.text.UrlEncoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code ./signet rules ...}: manage a tenant's rules through a running server's admin API. */
@Command(name = "rules", description = "Manage rules and action defaults (calls the admin API of a running server).",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Get.class, RulesCommand.Create.class,
                RulesCommand.Update.class, RulesCommand.Delete.class, RulesCommand.DryRun.class,
                RulesCommand.Default.class})
public final class RulesCommand extends CommandGroup {
    static int send(AdminOptions admin, String method, String path, Object body) {
        return admin.client().call(method, path, body, System.out, System.err);
    }

    static JsonNode json(String option, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new CommandLine.ParameterException(new CommandLine(new RulesCommand()),
                    option + " must be JSON: " + e.getOriginalMessage());
        }
    }

    /** The fields create and update share; absent options are left out of the request. */
    static class RuleOptions {
        @Option(names = "--name", description = "Rule name.")
        String name;
        @Option(names = "--description", description = "What the rule is for.")
        String description;
        @Option(names = "--action", description = "Action code the rule applies to; '*' for every action.")
        String actionCode;
        @Option(names = "--condition", description = "JsonLogic condition, e.g. '{\">\": [{\"var\": \"request.custom.amount\"}, 1000]}'.")
        String condition;
        @Option(names = "--priority", description = "Higher wins when several rules match (default 0).")
        Integer priority;
        @Option(names = "--outcome", description = "ALLOW, CHALLENGE, REVIEW or BLOCK.")
        String outcome;
        @Option(names = "--allowed-methods", split = ",", description = "Allowed verification methods, comma-separated.")
        List<String> allowed;
        @Option(names = "--default-method", description = "Default verification method.")
        String defaultMethod;
        @Option(names = "--enabled", arity = "1", description = "true or false.")
        Boolean enabled;

        Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            AdminClient.putIfSet(b, "name", name);
            AdminClient.putIfSet(b, "description", description);
            AdminClient.putIfSet(b, "actionCode", actionCode);
            AdminClient.putIfSet(b, "condition", condition == null ? null : json("--condition", condition));
            AdminClient.putIfSet(b, "priority", priority);
            AdminClient.putIfSet(b, "outcome", outcome);
            AdminClient.putIfSet(b, "allowedVerificationMethods", allowed);
            AdminClient.putIfSet(b, "defaultVerificationMethod", defaultMethod);
            AdminClient.putIfSet(b, "enabled", enabled);
            return b;
        }
    }

    @Command(name = "list", description = "List rules, by priority.")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--action", description = "Only rules for this action code (rules for every action included).")
        String actionCode;

        @Override
        public Integer call() {
            return send(admin, "GET", "/admin/v1/rules" + (actionCode == null ? "" : "?actionCode=" + UrlEncoding.component(actionCode)), null);
        }
    }

    /** Commands about one existing rule, named by its id. */
    abstract static class OneRule implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Parameters(paramLabel = "RULE_ID")
        String ruleId;

        int send(String method) {
            return RulesCommand.send(admin, method, "/admin/v1/rules/" + UrlEncoding.component(ruleId), null);
        }
    }

    @Command(name = "get", description = "Show one rule.")
    static final class Get extends OneRule {
        @Override
        public Integer call() {
            return send("GET");
        }
    }

    @Command(name = "create", description = "Create a rule (needs --name, --condition and --outcome).")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Mixin
        RuleOptions rule;

        @Override
        public Integer call() {
            return send(admin, "POST", "/admin/v1/rules", rule.body());
        }
    }

    @Command(name = "update", description = "Change the given fields of a rule; its version grows by one.")
    static final class Update implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Mixin
        RuleOptions rule;
        @Parameters(paramLabel = "RULE_ID")
        String ruleId;

        @Override
        public Integer call() {
            return send(admin, "PATCH", "/admin/v1/rules/" + UrlEncoding.component(ruleId), rule.body());
        }
    }

    @Command(name = "delete", description = "Delete a rule.")
    static final class Delete extends OneRule {
        @Override
        public Integer call() {
            return send("DELETE");
        }
    }

    @Command(name = "dry-run", description = "What track would decide: for --action and --input, or a recorded action.")
    static final class DryRun implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--action", description = "Action code.")
        String actionCode;
        @Option(names = "--input", description = "Rule input JSON, e.g. '{\"request\": {\"custom\": {\"amount\": 1500}}}'.")
        String input;
        @Option(names = "--idempotency-key", description = "Replay the stored input of this recorded action.")
        String idempotencyKey;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (idempotencyKey != null) {
                body.put("idempotencyKey", idempotencyKey);
            } else {
                body.put("actionCode", actionCode);
                body.put("input", input == null ? null : json("--input", input));
            }
            return send(admin, "POST", "/admin/v1/rules/dry-run", body);
        }
    }

    @Command(name = "default", description = "Set the outcome of an action code when no rule matches; --clear removes it.")
    static final class Default implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--action", required = true, description = "Action code.")
        String actionCode;
        @Option(names = "--outcome", description = "ALLOW, CHALLENGE, REVIEW or BLOCK.")
        String outcome;
        @Option(names = "--clear", description = "Remove the configured default.")
        boolean clear;

        @Override
        public Integer call() {
            if (outcome == null && !clear) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give --outcome or --clear");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("defaultOutcome", clear ? null : outcome);
            return send(admin, "PATCH", "/admin/v1/action-configurations/" + UrlEncoding.component(actionCode), body);
        }
    }
}
