package io.signet.cli;

import io.signet.config.SignetConfig;
import io.signet.store.Database;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.CreatedTenant;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsService;
import io.signet.wiring.CoreServices;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signet tenant create|list|show|rename|delete|audit} and {@code tenant keys list|rotate|revoke}:
 * operator commands on SIGNET_DATABASE_URL directly (the lifecycle ones are in {@link TenantCommands}).
 */
@Command(name = "tenant", description = "Manage tenants and their secret keys (acts on SIGNET_DATABASE_URL "
        + "directly).", subcommands = {TenantCommand.TenantCreate.class, TenantCommands.ListTenants.class, TenantCommand.TenantShow.class,
                TenantCommands.Rename.class, TenantCommands.Delete.class, TenantCommands.Keys.class,
                TenantCommands.Audit.class})
public final class TenantCommand extends CommandGroup {
    @Command(name = "create", description = "Create a tenant and print its secret key once.")
    static final class TenantCreate extends TenantCommands.OnDatabase {
        @Option(names = "--name", required = true, description = "Tenant name.")
        String name;

        @Option(names = "--json", description = "Print {\"tenantId\", \"name\", \"secretKey\"} as JSON.")
        boolean json;

        @Override
        int run(TenantService tenants) {
            CreatedTenant created = tenants.create(name, Optional.empty());
            if (json) {
                System.out.println(io.signet.wire.Json.write(java.util.Map.of(
                        "tenantId", created.tenant().tenantId(), "name", created.tenant().name(),
                        "secretKey", created.secretKey())));
            } else {
                System.out.println("Created tenant '" + created.tenant().name() + "'.");
                System.out.println("Tenant id (public, for the browser SDK's tenantId): "
                        + created.tenant().tenantId());
                System.out.println("Its secret key is shown this once:");
                System.out.println();
                System.out.println("    " + created.secretKey());
            }
            return 0;
        }
    }

    /**
     * {@code signet tenant show [--id ID] [--json]}: each tenant's public id and Client API identity, read
     * from the database. Never shows a secret key.
     */
    @Command(name = "show", description = "Print tenants' public ids and Client API identity (rpId, rpName, "
            + "expectedOrigins). No secret is shown.")
    static final class TenantShow extends TenantCommands.OnConfiguredDatabase {
        @Option(names = {"--id", "--tenant"}, description = "Only this tenant (default: every tenant).")
        String id;

        @Option(names = "--json", description = "Print JSON: an object with --id, else an array.")
        boolean json;

        @Override
        int run(SignetConfig config, Database db, byte[] key) {
            CoreServices core = TenantCommands.core(config, db, key);
            TenantSettingsService service = core.settings();
            TenantService tenants = core.tenants();
            List<ClientSettings> shown = id == null ? service.allClients()
                    : tenants.findVisible(id).flatMap(t -> service.client(id)).map(List::of).orElse(List.of());
            if (id != null && shown.isEmpty()) {
                System.err.println("signet: no tenant has id " + id);
                return 1;
            }
            if (json) {
                List<Object> out = shown.stream().map(c -> (Object) describe(c, tenants)).toList();
                System.out.println(io.signet.wire.Json.write(id == null ? out : out.getFirst()));
            } else {
                shown.forEach(c -> System.out.println(describe(c, tenants).entrySet().stream()
                        .map(e -> String.format("%-17s %s", e.getKey() + ":", e.getValue()))
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n"))));
            }
            return 0;
        }

        private static java.util.Map<String, Object> describe(ClientSettings c, TenantService tenants) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("tenantId", c.tenantId());
            java.util.Optional<io.signet.tenant.Tenant> tenant = tenants.find(c.tenantId());
            m.put("name", tenant.map(t -> t.name()).orElse(""));
            tenant.ifPresent(t -> m.put("createdAt", io.signet.wire.WireTime.iso(t.createdAt())));
            m.put("activeKeys", tenants.keys(c.tenantId()).stream().filter(k -> k.active()).count());
            m.put("rpId", c.rpId());
            m.put("rpName", c.rpName());
            m.put("expectedOrigins", c.expectedOrigins());
            m.put("anyLocalhostPort", c.anyLocalhostPort());
            return m;
        }
    }
}
