package io.signet.cli;

import io.signet.config.ConfigSources;
import io.signet.config.SignetConfig;
import io.signet.wire.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code ./signet config show}: every setting's effective value and where it came from. */
@Command(name = "config", description = "Show the server's effective settings.", subcommands = ConfigCommand.Show.class)
public final class ConfigCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "show", description = "Print every setting's effective value and its source (flag, environment, "
            + "file, default or unset), secrets masked. Takes the same --config FILE and setting flags as serve; "
            + "an invalid setting is refused as serve would.")
    static final class Show implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array of {key, value, source}.")
        boolean json;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            print(System.getenv(), settings, json, System.out);
            return 0;
        }
    }

    /** Validates as start-up does, then prints one row per setting. */
    static void print(Map<String, String> env, List<String> args, boolean json, PrintStream out) {
        SignetConfig.from(env, args);
        List<ConfigSources.Resolved> resolved = ConfigSources.resolve(env, args);
        if (json) {
            out.println(Json.write(resolved.stream().map(r -> {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("key", r.setting().env());
                row.put("value", r.source() == ConfigSources.Source.UNSET ? null : r.shown());
                row.put("source", r.source().name().toLowerCase(Locale.ROOT));
                return row;
            }).toList()));
            return;
        }
        int width = resolved.stream().mapToInt(r -> r.setting().env().length()).max().orElse(0);
        for (ConfigSources.Resolved r : resolved) {
            out.println(String.format("%-" + width + "s  %-11s  %s", r.setting().env(),
                    r.source().name().toLowerCase(Locale.ROOT), r.source() == ConfigSources.Source.UNSET ? "" : r.shown())
                    .stripTrailing());
        }
    }
}
