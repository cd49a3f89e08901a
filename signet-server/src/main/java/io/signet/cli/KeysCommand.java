package io.signet.cli;

import io.signet.config.EncryptionKeys;
import io.signet.config.SignetConfig;
import io.signet.crypto.Encryptor;
import io.signet.session.JdbcSigningKeyStore;
import io.signet.session.SigningKeys;
import io.signet.store.Database;
import io.signet.tenant.TenantService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code signet keys rotate --tenant ID}: an operator command on SIGNET_DATABASE_URL directly, like
 * {@code tenant create}. The new key signs from now on, on every node; the old one keeps verifying until
 * the last token it signed has expired.
 */
@Command(name = "keys", description = "Manage the keys that sign session access tokens.",
        subcommands = KeysCommand.Rotate.class)
public final class KeysCommand extends CommandGroup {
    @Command(name = "rotate", description = "Add a new active signing key for a tenant; old keys keep verifying.")
    static final class Rotate implements Callable<Integer> {
        @Option(names = "--tenant", required = true, description = "Tenant id.")
        String tenantId;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            SignetConfig config = CliSettings.config(settings);
            byte[] key = EncryptionKeys.resolve(config);
            try (Database db = Database.open(config.databaseUrl(), 2)) {
                TenantService tenants = TenantCommands.tenants(db, key);
                if (tenants.findVisible(tenantId).isEmpty()) {
                    System.err.println("signet: no tenant " + tenantId);
                    return 1;
                }
                String keyId = new SigningKeys(db, new JdbcSigningKeyStore(db), new Encryptor(key), Clock.systemUTC()).rotate(tenantId);
                tenants.recordChange(tenantId, io.signet.tenant.Actor.CLI, "signing_key.rotated",
                        java.util.Map.of("keyId", keyId));
                System.out.println("Tenant " + tenantId + " now signs with key " + keyId + ".");
            }
            return 0;
        }
    }
}
