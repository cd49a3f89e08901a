package io.signet.cli;

import io.signet.config.EncryptionKeys;
import io.signet.config.SignetConfig;
import io.signet.store.Database;
import io.signet.tenant.Actor;
import io.signet.tenant.AuditView;
import io.signet.tenant.KeyView;
import io.signet.tenant.RotatedKey;
import io.signet.tenant.RotatedKeyView;
import io.signet.tenant.SecretKeyInfo;
import io.signet.tenant.Tenant;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantView;
import io.signet.wire.Json;
import io.signet.wiring.CoreServices;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The tenant lifecycle commands beside {@code tenant create} and {@code tenant show}: operator commands on
 * SIGNET_DATABASE_URL directly, so they work with the server stopped, audited with actor {@code cli}. A running server refuses a
 * revoked key at once if it is the same process, within 10 seconds otherwise (its key cache).
 */
final class TenantCommands {
    private TenantCommands() {
    }

    /**
     * A command on the database of SIGNET_DATABASE_URL (or a {@code --database-url} flag), with the settings
     * and the data key resolved from the same flags and environment as {@code serve}.
     */
    abstract static class OnConfiguredDatabase implements Callable<Integer> {
        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public final Integer call() {
            SignetConfig config = CliSettings.config(settings);
            byte[] key = EncryptionKeys.resolve(config);
            try (Database db = Database.open(config.databaseUrl(), 2)) {
                return run(config, db, key);
            }
        }

        abstract int run(SignetConfig config, Database db, byte[] key);
    }

    /** The database of SIGNET_DATABASE_URL (or a {@code --database-url} flag) and the tenants in it. */
    abstract static class OnDatabase extends OnConfiguredDatabase {
        @Override
        final int run(SignetConfig config, Database db, byte[] key) {
            return run(core(config, db, key).tenants());
        }

        abstract int run(TenantService tenants);
    }

    /** The services on the operator's database, built as the server builds them, with the data key {@code key}. */
    static CoreServices core(SignetConfig config, Database db, byte[] key) {
        return CoreServices.on(db, key, () -> CliSettings.publicUrl(config), Clock.systemUTC());
    }

    /** {@code --tenant ID}, which may be left out when the database holds exactly one tenant. */
    abstract static class OnTenant extends OnDatabase {
        @Option(names = "--tenant", paramLabel = "TENANT_ID",
                description = "Tenant id (see `tenant list`); optional when there is only one tenant.")
        String tenantId;

        String tenant(TenantService tenants) {
            if (tenantId != null) {
                return tenantId;
            }
            List<Tenant> all = tenants.list();
            if (all.size() != 1) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "give --tenant: the database holds " + all.size() + " tenants");
            }
            return all.getFirst().tenantId();
        }
    }

    static void print(Object json) {
        System.out.println(Json.write(json));
    }

    @Command(name = "list", description = "List every tenant: id, name, creation time, active secret keys.")
    static final class ListTenants extends OnDatabase {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        int run(TenantService tenants) {
            List<Map<String, Object>> rows = tenants.list().stream().map(t -> {
                TenantView v = TenantView.of(t);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("tenantId", v.tenantId());
                m.put("name", v.name());
                m.put("createdAt", v.createdAt());
                m.put("activeKeys", tenants.keys(t.tenantId()).stream().filter(SecretKeyInfo::active).count());
                return m;
            }).toList();
            if (json) {
                print(rows);
            } else {
                String row = "%-36s  %-24s  %-11s  %s%n";
                System.out.printf(row, "TENANT ID", "CREATED", "ACTIVE KEYS", "NAME");
                rows.forEach(r -> System.out.printf(row, r.get("tenantId"), r.get("createdAt"),
                        r.get("activeKeys"), r.get("name")));
            }
            return 0;
        }
    }

    @Command(name = "rename", description = "Rename a tenant.")
    static final class Rename extends OnTenant {
        @Option(names = "--name", required = true, description = "The new name.")
        String name;

        @Override
        int run(TenantService tenants) {
            Tenant t = tenants.rename(tenant(tenants), name, Actor.CLI);
            System.out.println("Tenant " + t.tenantId() + " is now named '" + t.name() + "'.");
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a tenant and every row it owns, in one transaction. "
            + "Irreversible: --confirm must repeat the tenant id.")
    static final class Delete extends OnDatabase {
        @Option(names = "--tenant", required = true, paramLabel = "TENANT_ID", description = "The tenant to delete.")
        String tenantId;

        @Option(names = "--confirm", required = true, paramLabel = "TENANT_ID",
                description = "The same tenant id again.")
        String confirm;

        @Override
        int run(TenantService tenants) {
            tenants.delete(tenantId, confirm, Actor.CLI);
            System.out.println("Deleted tenant " + tenantId + " and all its data. Running servers refuse its keys "
                    + "within 10 seconds.");
            return 0;
        }
    }

    @Command(name = "audit", description = "List a tenant's audit log (tenant and key changes), newest first.")
    static final class Audit extends OnTenant {
        @Option(names = "--limit", description = "How many events, 1 to 1000 (default 100).")
        int limit = 100;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        int run(TenantService tenants) {
            if (limit < 1 || limit > 1000) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--limit must be 1 to 1000");
            }
            List<AuditView> events = tenants.audit(tenant(tenants), null, limit).stream().map(AuditView::of).toList();
            if (json) {
                print(events);
            } else {
                System.out.printf("%-24s  %-14s  %-44s  %-16s  %s%n", "TIME", "ACTION", "ACTOR", "ADDRESS", "DETAILS");
                events.forEach(e -> System.out.printf("%-24s  %-14s  %-44s  %-16s  %s%n", e.createdAt(), e.action(),
                        e.actor(), e.address() == null ? "-" : e.address(), Json.write(e.details())));
            }
            return 0;
        }
    }

    /** {@code tenant keys ...}: the tenant's secret keys. */
    @Command(name = "keys", description = "List, rotate and revoke a tenant's secret keys (at most "
            + TenantService.MAX_ACTIVE_KEYS + " active at once).",
            subcommands = {ListKeys.class, Rotate.class, Revoke.class})
    static final class Keys extends CommandGroup {
    }

    @Command(name = "list", description = "List the tenant's secret keys: id, first characters, created, last use "
            + "(recorded at most once a minute), expiry, status. Never a key's value.")
    static final class ListKeys extends OnTenant {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        int run(TenantService tenants) {
            List<KeyView> keys = tenants.keys(tenant(tenants)).stream().map(KeyView::of).toList();
            if (json) {
                print(keys);
            } else {
                String row = "%-36s  %-8s  %-24s  %-24s  %-24s  %s%n";
                System.out.printf(row, "KEY ID", "PREFIX", "CREATED", "LAST USE", "EXPIRES", "STATUS");
                keys.forEach(k -> System.out.printf(row, k.keyId(), k.prefix(), k.createdAt(), dash(k.lastUsedAt()),
                        dash(k.expiresAt()), k.active() ? "active" : k.revokedAt() != null ? "revoked" : "expired"));
            }
            return 0;
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }

    @Command(name = "rotate", description = "Create a new secret key (shown once). The active key stays valid until "
            + "revoked, or until --old-key-expires-in; webhooks are signed with both meanwhile.")
    static final class Rotate extends OnTenant {
        @Option(names = "--old-key-expires-in", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "End the old key's validity this long from now: 90s, 30m, 24h, 7d.")
        Duration oldKeyExpiresIn;

        @Option(names = "--json", description = "Print {\"tenantId\", \"keyId\", \"secretKey\", \"oldKeysExpireAt\"}.")
        boolean json;

        @Override
        int run(TenantService tenants) {
            RotatedKey k = tenants.rotate(tenant(tenants), Optional.ofNullable(oldKeyExpiresIn), Actor.CLI);
            RotatedKeyView v = RotatedKeyView.of(k);
            if (json) {
                print(v);
            } else {
                System.out.println("New secret key " + v.keyId() + " for tenant " + v.tenantId()
                        + ". It is shown this once:");
                System.out.println();
                System.out.println("    " + v.secretKey());
                System.out.println();
                System.out.println(v.oldKeysExpireAt() == null
                        ? "The old key stays valid until `signet tenant keys revoke`."
                        : "The old key stops working at " + v.oldKeysExpireAt() + ".");
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a secret key: refused by running servers within 10 seconds. "
            + "The tenant's last active key cannot be revoked; rotate first.")
    static final class Revoke extends OnTenant {
        @CommandLine.Parameters(paramLabel = "KEY_ID", description = "The key's id (see `tenant keys list`).")
        String keyId;

        @Override
        int run(TenantService tenants) {
            tenants.revoke(tenant(tenants), keyId, Actor.CLI);
            System.out.println("Revoked key " + keyId + ".");
            return 0;
        }
    }
}
