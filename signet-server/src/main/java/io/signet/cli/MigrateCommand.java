package io.signet.cli;

import io.signet.config.SignetConfig;
import io.signet.wire.Json;
import io.signet.store.Database;
import io.signet.store.Migrations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./signet migrate status|up} on SIGNET_DATABASE_URL, for rolling upgrades with
 * SIGNET_MIGRATE_ON_START=false: one operator (or job) migrates, the nodes then start on a current schema.
 */
@Command(name = "migrate", description = "Show or apply database migrations (acts on SIGNET_DATABASE_URL directly).",
        subcommands = {MigrateCommand.Status.class, MigrateCommand.Up.class})
public final class MigrateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** The database of these settings, opened without touching its schema. */
    static Database open(List<String> settings) {
        SignetConfig config = SignetConfig.from(System.getenv(), settings);
        return Database.open(config.databaseUrl(), 2, Migrations.OnOpen.NOTHING);
    }

    @Command(name = "status", description = "List every migration with its state (Success, Pending, ...); exit 1 "
            + "when some are pending.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array of {version, description, state, millis}.")
        boolean json;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            try (Database db = open(settings)) {
                List<Migrations.Step> steps = db.migrations().status();
                if (json) {
                    System.out.println(Json.write(steps));
                } else {
                    steps.forEach(s -> System.out.println(String.format("V%-4s %-10s %s", s.version(), s.state(),
                            s.description())));
                }
                long pending = steps.stream().filter(s -> s.state().equals("Pending")).count();
                System.err.println(pending == 0 ? "The schema is current." : pending + " pending migrations: "
                        + "run ./signet migrate up");
                return pending == 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "up", description = "Apply every pending migration, each timed in the log. On PostgreSQL a "
            + "node starting at the same time waits for it (Flyway's advisory lock).")
    static final class Up implements Callable<Integer> {
        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            try (Database db = open(settings)) {
                int applied = db.migrations().migrate();
                System.out.println(applied == 0 ? "The schema was already current." : "Applied " + applied
                        + " migrations.");
                return 0;
            }
        }
    }
}
