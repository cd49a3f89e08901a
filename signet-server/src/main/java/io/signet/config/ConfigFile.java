package io.signet.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A settings file ({@code --config signet.conf} or SIGNET_CONFIG_FILE): one {@code key = value} per line,
 * blank lines and lines starting with {@code #} ignored. A key is a variable's name ({@code SIGNET_PORT})
 * or its lower-case form ({@code port}, {@code database-url}). An unknown key, a line without {@code =}
 * or a key given twice stops start-up naming the file and line: a typo must not silently leave a default.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    static Map<Setting, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + file + " does not exist (given by --config or SIGNET_CONFIG_FILE)");
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    static Map<Setting, String> parse(String name, List<String> lines) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = name + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(where + ": expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            Setting setting = setting(key).orElseThrow(() -> new ConfigException(where + ": unknown key '" + key
                    + "'. Known keys (or their SIGNET_ names): " + Arrays.stream(Setting.values())
                    .filter(s -> s != Setting.CONFIG_FILE).map(Setting::fileKey).collect(Collectors.joining(", "))));
            if (setting == Setting.CONFIG_FILE) {
                throw new ConfigException(where + ": a config file cannot name another config file");
            }
            if (values.containsKey(setting)) {
                throw new ConfigException(where + ": '" + key + "' is already set above");
            }
            String value = line.substring(eq + 1).strip();
            if (!value.isEmpty()) {
                values.put(setting, value);
            }
        }
        return values;
    }

    private static Optional<Setting> setting(String key) {
        return Arrays.stream(Setting.values()).filter(s -> s.env().equals(key) || s.fileKey().equals(key)).findFirst();
    }
}
