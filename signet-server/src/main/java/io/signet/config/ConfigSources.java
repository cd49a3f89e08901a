package io.signet.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each setting's value comes from, highest first: a flag ({@code --port 9000}), the environment
 * ({@code SIGNET_PORT}), the config file ({@code --config FILE} or SIGNET_CONFIG_FILE), the default.
 * {@link SignetConfig#from} validates what this resolves; {@code ./signet config show} prints it.
 */
public final class ConfigSources {
    /** Where a value came from, as {@code config show} names it. */
    public enum Source { FLAG, ENVIRONMENT, FILE, DEFAULT, UNSET }

    /** A setting's raw value (null when unset) and its source. */
    public record Resolved(Setting setting, String value, Source source) {
        /** The value as it may be printed: secrets masked, a database password hidden. */
        public String shown() {
            if (value == null) {
                return "";
            }
            if (setting.secret()) {
                return "********";
            }
            return setting == Setting.DATABASE_URL ? SignetConfig.maskPassword(value) : value;
        }
    }

    /**
     * Variables that belong to other programs, not to the server: the CLI's {@code SIGNET_URL} and the
     * launcher's {@code SIGNET_JVM_FLAGS} (the JVM options ./signet starts the server with).
     */
    private static final Set<String> READ_ELSEWHERE = Set.of("SIGNET_URL", "SIGNET_JVM_FLAGS");

    private ConfigSources() {
    }

    /** Every setting, in {@link Setting} order. Unknown variables, flags and file keys are refused. */
    public static List<Resolved> resolve(Map<String, String> env, List<String> args) {
        refuseUnknownVariables(env);
        Map<Setting, String> flags = flags(args);
        Map<Setting, String> environment = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = env.get(s.env());
            if (v != null && !v.isBlank()) {
                environment.put(s, v.strip());
            }
        }
        String fileName = flags.getOrDefault(Setting.CONFIG_FILE, environment.get(Setting.CONFIG_FILE));
        Map<Setting, String> file = fileName == null ? Map.of() : ConfigFile.read(Path.of(fileName));
        List<Resolved> resolved = new ArrayList<>();
        for (Setting s : Setting.values()) {
            if (flags.containsKey(s)) {
                resolved.add(new Resolved(s, flags.get(s), Source.FLAG));
            } else if (environment.containsKey(s)) {
                resolved.add(new Resolved(s, environment.get(s), Source.ENVIRONMENT));
            } else if (file.containsKey(s)) {
                resolved.add(new Resolved(s, file.get(s), Source.FILE));
            } else {
                resolved.add(new Resolved(s, s.defaultValue(), s.defaultValue() == null ? Source.UNSET : Source.DEFAULT));
            }
        }
        return resolved;
    }

    private static void refuseUnknownVariables(Map<String, String> env) {
        for (String name : env.keySet()) {
            if (name.startsWith("SIGNET_") && Arrays.stream(Setting.values()).noneMatch(s -> s.env().equals(name))
                    && !READ_ELSEWHERE.contains(name) && !name.startsWith("SIGNET_TEST_")) {
                throw new ConfigException("Unknown setting " + name + ". Known settings: " + Arrays.stream(
                        Setting.values()).map(Setting::env).collect(Collectors.joining(", ")));
            }
        }
    }

    private static Map<Setting, String> flags(List<String> args) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new ConfigException("Unexpected argument '" + arg + "'");
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            Optional<Setting> setting = Arrays.stream(Setting.values())
                    .filter(s -> s.flag().equals(name) || s == Setting.CONFIG_FILE && name.equals("--config-file"))
                    .findFirst();
            if (setting.isEmpty()) {
                throw new ConfigException("Unknown option " + name + ". Settings can be given as: "
                        + Arrays.stream(Setting.values()).map(Setting::flag).collect(Collectors.joining(", ")));
            }
            String v;
            if (arg.contains("=")) {
                v = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                v = args.get(++i);
            } else {
                throw new ConfigException("Flag " + name + " needs a value");
            }
            values.put(setting.get(), v.strip());
        }
        return values;
    }
}
