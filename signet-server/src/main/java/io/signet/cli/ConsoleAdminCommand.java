package io.signet.cli;

import io.signet.config.SignetConfig;
import io.signet.console.OperatorAccounts;
import io.signet.store.Database;
import io.signet.wire.WireTime;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signet console-admin create --email …}: an operator of the admin console, acting on
 * SIGNET_DATABASE_URL directly like {@code tenant create}. It prints a one-time enrollment link (15 minutes,
 * single use) under SIGNET_PUBLIC_URL where the operator sets up a passkey or an authenticator app. A refusal
 * (a malformed or taken email) is printed by the command line's handler as for every command.
 */
@Command(name = "console-admin", description = "Manage the operators of the admin console at /console (acts on "
        + "SIGNET_DATABASE_URL directly).", subcommands = {ConsoleAdminCommand.Create.class})
public final class ConsoleAdminCommand extends CommandGroup {
    @Command(name = "create", description = "Create a console operator and print their one-time enrollment link "
            + "(valid 15 minutes, single use).")
    static final class Create extends TenantCommands.OnConfiguredDatabase {
        @Option(names = "--email", required = true, description = "The operator's email address (their sign-in name).")
        String email;

        @Option(names = "--json", description = "Print {\"userId\", \"email\", \"enrollmentUrl\", \"expiresAt\"} as JSON.")
        boolean json;

        @Override
        int run(SignetConfig config, Database db, byte[] key) {
            OperatorAccounts.Invitation invitation = TenantCommands.core(config, db, key).operators().invite(email);
            String link = invitation.link(CliSettings.publicUrl(config).replaceAll("/+$", ""));
            if (json) {
                System.out.println(io.signet.wire.Json.write(Map.of("userId", invitation.userId(),
                        "email", invitation.email(), "enrollmentUrl", link,
                        "expiresAt", WireTime.iso(invitation.expiresAt()))));
            } else {
                System.out.println("Created console operator " + invitation.email() + ".");
                System.out.println("Their enrollment link works once, until " + WireTime.iso(invitation.expiresAt())
                        + ":");
                System.out.println();
                System.out.println("    " + link);
            }
            return 0;
        }
    }
}
