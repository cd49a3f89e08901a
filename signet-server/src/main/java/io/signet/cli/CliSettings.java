package io.signet.cli;

import io.signet.config.SignetConfig;
import java.util.List;

/** The settings a command runs with: the environment's {@code SIGNET_*} variables, then its setting flags. */
public final class CliSettings {
    private CliSettings() {
    }

    public static SignetConfig config(List<String> settingFlags) {
        return SignetConfig.from(System.getenv(), settingFlags == null ? List.of() : settingFlags);
    }

    /** SIGNET_PUBLIC_URL, else the address {@code serve} would listen on with these settings. */
    public static String publicUrl(SignetConfig config) {
        return config.publicUrl().orElse("http://" + config.host() + ":" + config.port());
    }
}
