package io.signet.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Checks of the settings that run Signet in production: listeners, migrations, shutdown, proxies. */
final class OperationsSettings {
    private OperationsSettings() {
    }

    static Optional<Integer> managementPort(String v, int port) {
        if (v == null) {
            return Optional.empty();
        }
        int management;
        try {
            management = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            management = -1;
        }
        if (management < 0 || management > 65535 || management == port && port != 0) {
            throw new ConfigException("SIGNET_MANAGEMENT_PORT must be a port between 0 (a free one) and 65535 "
                    + "other than SIGNET_PORT, got " + v);
        }
        return Optional.of(management);
    }

    static Duration shutdownTimeout(String v) {
        int seconds = SignetConfig.parsePositive(Setting.SHUTDOWN_TIMEOUT, v.endsWith("s") ? v.substring(0, v.length() - 1) : v);
        if (seconds > 3600) {
            throw new ConfigException("SIGNET_SHUTDOWN_TIMEOUT must be at most 3600 seconds, got " + v);
        }
        return Duration.ofSeconds(seconds);
    }

    static String proxyHeaders(String v, Optional<String> trusted) {
        String mode = DeliverySettings.oneOf(Setting.PROXY_HEADERS, v, "none", "xforwarded", "forwarded");
        if (!mode.equals("none") && trusted.isEmpty()) {
            throw new ConfigException("SIGNET_PROXY_HEADERS=" + mode + " needs SIGNET_TRUSTED_PROXIES: the networks "
                    + "of your proxies (e.g. 10.0.0.0/8), so that no one else can pass a client address in a header");
        }
        return mode;
    }

    static List<Cidr> trustedProxies(Optional<String> v) {
        return v.map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> Cidr.parse(s, Setting.TRUSTED_PROXIES)).toList()).orElse(List.of());
    }
}
