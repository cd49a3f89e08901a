package io.signet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.config.ConfigSources.Resolved;
import io.signet.config.ConfigSources.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("signet.conf");
        Files.write(f, List.of(lines));
        return f;
    }

    private static Resolved of(List<Resolved> all, Setting s) {
        return all.stream().filter(r -> r.setting() == s).findFirst().orElseThrow();
    }

    @Test
    void a_flag_beats_the_environment_which_beats_the_file_which_beats_the_default() throws IOException {
        Path f = file("# comment", "", "port = 9001", "SIGNET_HOST = 0.0.0.0", "otp-ttl-seconds=300",
                "send-limit-per-ip = 7");
        Map<String, String> env = Map.of("SIGNET_CONFIG_FILE", f.toString(), "SIGNET_PORT", "9002",
                "SIGNET_OTP_TTL_SECONDS", "120");
        List<Resolved> all = ConfigSources.resolve(env, List.of("--otp-ttl-seconds", "60"));
        assertThat(of(all, Setting.OTP_TTL_SECONDS)).isEqualTo(new Resolved(Setting.OTP_TTL_SECONDS, "60", Source.FLAG));
        assertThat(of(all, Setting.PORT)).isEqualTo(new Resolved(Setting.PORT, "9002", Source.ENVIRONMENT));
        assertThat(of(all, Setting.HOST)).isEqualTo(new Resolved(Setting.HOST, "0.0.0.0", Source.FILE));
        assertThat(of(all, Setting.SEND_LIMIT_PER_USER).source()).isEqualTo(Source.DEFAULT);
        assertThat(of(all, Setting.SMTP_URL).source()).isEqualTo(Source.UNSET);

        SignetConfig config = SignetConfig.from(env, List.of("--otp-ttl-seconds", "60"));
        assertThat(config.otpTtlSeconds()).isEqualTo(60);
        assertThat(config.port()).isEqualTo(9002);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.sendLimitPerIp()).isEqualTo(7);
        assertThat(config.sendLimitPerUser()).isEqualTo(10);
    }

    @Test
    void the_config_flag_names_the_file_and_wins_over_the_variable() throws IOException {
        Path f = file("port = 9003");
        SignetConfig config = SignetConfig.from(Map.of("SIGNET_CONFIG_FILE", dir.resolve("absent.conf").toString()),
                List.of("--config", f.toString()));
        assertThat(config.port()).isEqualTo(9003);
        assertThat(config.configFile()).contains(f.toString());
    }

    @Test
    void unknown_keys_and_malformed_lines_are_refused_naming_file_and_line() throws IOException {
        Path typo = file("port = 9000", "databse-url = jdbc:sqlite:x.db");
        assertThatThrownBy(() -> SignetConfig.from(Map.of(), List.of("--config", typo.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2").hasMessageContaining("unknown key 'databse-url'")
                .hasMessageContaining("database-url");
        Path noEquals = file("port 9000");
        assertThatThrownBy(() -> SignetConfig.from(Map.of(), List.of("--config", noEquals.toString())))
                .hasMessageContaining("line 1").hasMessageContaining("key = value");
        Path twice = file("port = 1", "SIGNET_PORT = 2");
        assertThatThrownBy(() -> SignetConfig.from(Map.of(), List.of("--config", twice.toString())))
                .hasMessageContaining("line 2").hasMessageContaining("already set");
        assertThatThrownBy(() -> SignetConfig.from(Map.of(), List.of("--config", dir.resolve("none").toString())))
                .hasMessageContaining("does not exist");
    }

    @Test
    void values_from_the_file_are_validated_like_any_other() throws IOException {
        Path f = file("port = eighty");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_CONFIG_FILE", f.toString()), List.of()))
                .hasMessageContaining("SIGNET_PORT");
    }

    @Test
    void shown_values_mask_secrets_and_database_passwords() {
        List<Resolved> all = ConfigSources.resolve(Map.of("SIGNET_SECRET_KEY", "sk_very_secret_value_123",
                "SIGNET_DATABASE_URL", "jdbc:postgresql://h/db?user=u&password=hunter2"), List.of());
        assertThat(of(all, Setting.SECRET_KEY).shown()).isEqualTo("********");
        assertThat(of(all, Setting.DATABASE_URL).shown()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***");
    }

    @Test
    void operations_settings_are_checked() {
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_PROXY_HEADERS", "xforwarded"), List.of()))
                .hasMessageContaining("SIGNET_TRUSTED_PROXIES");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_PROXY_HEADERS", "x-forwarded"), List.of()))
                .hasMessageContaining("none, xforwarded, forwarded");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_TRUSTED_PROXIES", "proxy.example.com"), List.of()))
                .hasMessageContaining("SIGNET_TRUSTED_PROXIES");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_TRUSTED_PROXIES", "10.0.0.0/33"), List.of()))
                .hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_MANAGEMENT_PORT", "8080"), List.of()))
                .hasMessageContaining("SIGNET_MANAGEMENT_PORT");
        SignetConfig c = SignetConfig.from(Map.of("SIGNET_PROXY_HEADERS", "forwarded",
                "SIGNET_TRUSTED_PROXIES", "10.0.0.0/8, ::1", "SIGNET_SHUTDOWN_TIMEOUT", "30s",
                "SIGNET_MIGRATE_ON_START", "false", "SIGNET_MANAGEMENT_PORT", "9090"), List.of());
        assertThat(c.trustedProxies()).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "0:0:0:0:0:0:0:1/128");
        assertThat(c.shutdownTimeout()).hasSeconds(30);
        assertThat(c.migrateOnStart()).isFalse();
        assertThat(c.managementPort()).contains(9090);
        SignetConfig defaults = SignetConfig.from(Map.of(), List.of());
        assertThat(defaults.shutdownTimeout()).hasSeconds(20);
        assertThat(defaults.migrateOnStart()).isTrue();
        assertThat(defaults.proxyHeaders()).isEqualTo("none");
        assertThat(defaults.managementPort()).isEmpty();
    }
}
