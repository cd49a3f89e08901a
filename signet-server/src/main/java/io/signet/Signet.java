package io.signet;

import io.signet.config.ConfigException;
import io.signet.config.SignetConfig;
import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.session.ClientsCommand;
import io.signet.store.Database;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.CreatedTenant;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsService;
import io.signet.webhook.WebhookCommands;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** The {@code ./signet} command line: operator commands that act on SIGNET_DATABASE_URL directly. */
@Command(name = "signet", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "Signet 0.1.0",
        description = "Self-hosted authentication and MFA server speaking the Authsignal Server API v1.",
        subcommands = {Signet.Serve.class, Signet.TenantCommand.class, KeysCommand.class, ClientsCommand.class,
                io.signet.cli.RulesCommand.class, io.signet.cli.SettingsCommand.class, WebhookCommands.class})
public final class Signet implements Callable<Integer> {

    public static void main(String[] args) {
        // `serve` skips building the model of every operator command: picocli does that by reflection,
        // about 0.2 s on the start-up path (async-profiler), and serve needs none of them.
        boolean serve = args.length > 0 && args[0].equals("serve");
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

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    static SignetConfig config(List<String> settingFlags) {
        return SignetConfig.from(System.getenv(), settingFlags == null ? List.of() : settingFlags);
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
            SignetConfig config = config(settings);
            SignetApp app = SignetApp.start(config, Clock.systemUTC(), System.out);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }));
            System.out.println("Signet listening on http://" + config.host() + ":" + app.port()
                    + " (Server API base URL http://" + config.host() + ":" + app.port() + "/v1)");
            stopped.await();
            return 0;
        }
    }

    /**
     * {@code signet tenant create|list|show|rename|delete|audit} and {@code tenant keys list|rotate|revoke}:
     * operator commands on SIGNET_DATABASE_URL directly (the lifecycle ones are in {@link TenantCommands}).
     */
    @Command(name = "tenant", description = "Manage tenants and their secret keys (acts on SIGNET_DATABASE_URL "
            + "directly).", subcommands = {TenantCreate.class, TenantCommands.ListTenants.class, TenantShow.class,
                    TenantCommands.Rename.class, TenantCommands.Delete.class, TenantCommands.Keys.class,
                    TenantCommands.Audit.class})
    static final class TenantCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

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
    static final class TenantShow implements Callable<Integer> {
        @Option(names = {"--id", "--tenant"}, description = "Only this tenant (default: every tenant).")
        String id;

        @Option(names = "--json", description = "Print JSON: an object with --id, else an array.")
        boolean json;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            SignetConfig config = config(settings);
            byte[] key = EncryptionKeys.resolve(config);
            String publicUrl = config.publicUrl().orElse("http://" + config.host() + ":" + config.port());
            try (Database db = Database.open(config.databaseUrl(), 2)) {
                TenantSettingsService service = new TenantSettingsService(db, Clock.systemUTC(), () -> publicUrl);
                TenantService tenants = new TenantService(db, new SecretHasher(key), new Encryptor(key),
                        Clock.systemUTC());
                List<ClientSettings> shown = id == null ? service.allClients()
                        : service.client(id).map(List::of).orElse(List.of());
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
