package io.signet;

import io.signet.cli.CliSettings;
import io.signet.cli.ClientsCommand;
import io.signet.cli.CommandGroup;
import io.signet.cli.DecryptExportCommand;
import io.signet.cli.ExportCommand;
import io.signet.cli.KeysCommand;
import io.signet.cli.RulesCommand;
import io.signet.cli.SettingsCommand;
import io.signet.cli.TenantCommand;
import io.signet.cli.WebhookCommands;
import io.signet.config.ConfigException;
import io.signet.config.SignetConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** The {@code ./signet} command line: operator commands that act on SIGNET_DATABASE_URL directly. */
@Command(name = "signet", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "Signet 0.1.0",
        description = "Self-hosted authentication and MFA server speaking the Authsignal Server API v1.",
        subcommands = {Signet.Serve.class, TenantCommand.class, KeysCommand.class, ClientsCommand.class,
                RulesCommand.class, SettingsCommand.class, WebhookCommands.class, io.signet.cli.ConfigCommand.class,
                io.signet.cli.HealthcheckCommand.class, io.signet.cli.MigrateCommand.class, ExportCommand.class,
                DecryptExportCommand.class, io.signet.cli.ImportCommand.class,
                io.signet.cli.ConsoleAdminCommand.class})
public final class Signet extends CommandGroup {

    public static void main(String[] args) {
        // `serve` skips building the model of every operator command: picocli does that by reflection,
        // about 0.2 s on the start-up path (async-profiler), and serve needs none of them.
        boolean serve = args.length > 0 && args[0].equals("serve");
        if (!serve) { // before the first logger exists: a command's stdout is its answer, its log goes to stderr
            System.setProperty("signet.log.target", "System.err");
        }
        CommandLine cli = serve ? withExitCodes(new CommandLine(new Serve()).setCommandName("signet serve"))
                : commandLine();
        System.exit(cli.execute(serve ? java.util.Arrays.copyOfRange(args, 1, args.length) : args));
    }

    /** The whole command tree with the documented exit codes: 0 ok, 1 failure, 2 usage. */
    public static CommandLine commandLine() {
        CommandLine cli = withExitCodes(new CommandLine(new Signet()));
        // Listed once, on `signet --help`, rather than inherited into every subcommand's usage.
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("0", "ok");
        codes.put("1", "failure (refused by the server or the database, or not found)");
        codes.put("2", "usage (unknown command or option, missing or malformed value, invalid setting)");
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes (every command):%n").exitCodeList(codes);
        return cli;
    }

    private static CommandLine withExitCodes(CommandLine cli) {
        // picocli answers usage errors with 2 itself; a failure while running is 1 with one line, no stack trace.
        return cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("signet: " + e.getMessage());
                return 2;
            }
            if (e instanceof io.signet.error.SignetException s) {
                cmd.getErr().println("signet: " + s.description());
                return 1;
            }
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.UncheckedIOException || e instanceof io.signet.store.StoreException) {
                cmd.getErr().println("signet: " + e.getMessage());
                return 1;
            }
            throw e;
        });
    }

    /** {@code signet serve}: run the server until interrupted. */
    // Its own help options too: `signet serve` alone is built without the root (see main).
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the server (SQLite by default; see SIGNET_* settings).")
    static final class Serve implements Callable<Integer> {
        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() throws InterruptedException {
            SignetConfig config = CliSettings.config(settings);
            CountDownLatch stop = new CountDownLatch(1);
            // SIGTERM and SIGINT start a graceful stop on this thread instead of the JVM's own shutdown.
            StopSignals.onStop(stop::countDown);
            SignetApp app = SignetApp.start(config, Clock.systemUTC(), System.out);
            System.out.println("Signet listening on http://" + config.host() + ":" + app.port()
                    + " (Server API base URL http://" + config.host() + ":" + app.port() + "/v1)"
                    + app.managementPort().map(p -> "; health and metrics on port " + p).orElse(""));
            stop.await();
            app.close();
            return 0;
        }
    }
}
