package io.signet.cli;

import io.signet.config.SignetConfig;
import io.signet.store.Database;
import io.signet.tenant.TenantService;
import io.signet.wiring.CoreServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signet keys rotate --tenant ID}: an operator command on SIGNET_DATABASE_URL directly, like
 * {@code tenant create}. The new key signs from now on, on every node; the old one keeps verifying until
 * the last token it signed has expired.
 */
@Command(name = "keys", description = "Manage the keys that sign session access tokens.",
        subcommands = KeysCommand.Rotate.class)
public final class KeysCommand extends CommandGroup {
    @Command(name = "rotate", description = "Add a new active signing key for a tenant; old keys keep verifying.")
    static final class Rotate extends TenantCommands.OnConfiguredDatabase {
        @Option(names = "--tenant", required = true, description = "Tenant id.")
        String tenantId;

        @Override
        int run(SignetConfig config, Database db, byte[] key) {
            CoreServices core = TenantCommands.core(config, db, key);
            TenantService tenants = core.tenants();
            if (tenants.findVisible(tenantId).isEmpty()) {
                System.err.println("signet: no tenant " + tenantId);
                return 1;
            }
            String keyId = core.signingKeys().rotate(tenantId);
            tenants.recordChange(tenantId, io.signet.tenant.Actor.CLI, "signing_key.rotated",
                    java.util.Map.of("keyId", keyId));
            System.out.println("Tenant " + tenantId + " now signs with key " + keyId + ".");
            return 0;
        }
    }
}
