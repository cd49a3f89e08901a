package io.signet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignetConfigTest {

    @Test
    void defaults_match_the_design_document() {
        SignetConfig c = SignetConfig.from(Map.of(), List.of());
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:signet-data/signet.db");
        assertThat(c.encryptionKey()).isEmpty();
        assertThat(c.devDelivery()).isEmpty();
    }

    @Test
    void a_flag_overrides_the_environment_variable_of_the_same_name() {
        SignetConfig c = SignetConfig.from(Map.of("SIGNET_PORT", "9000"), List.of("--port", "9100"));
        assertThat(c.port()).isEqualTo(9100);
        assertThat(SignetConfig.from(Map.of(), List.of("--database-url=jdbc:postgresql://h/db")).databaseUrl())
                .isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void malformed_values_stop_start_up_naming_the_variable() {
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_PORT", "eighty"), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SIGNET_PORT");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_PORT", "70000"), List.of()))
                .hasMessageContaining("SIGNET_PORT");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_DATABASE_URL", "mysql://x"), List.of()))
                .hasMessageContaining("SIGNET_DATABASE_URL");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_ENCRYPTION_KEY", "c2hvcnQ="), List.of()))
                .hasMessageContaining("SIGNET_ENCRYPTION_KEY").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_DEV_DELIVERY", "email"), List.of()))
                .hasMessageContaining("SIGNET_DEV_DELIVERY");
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_SECRET_KEY", "short"), List.of()))
                .hasMessageContaining("SIGNET_SECRET_KEY");
    }

    @Test
    void unknown_settings_and_options_are_refused() {
        assertThatThrownBy(() -> SignetConfig.from(Map.of("SIGNET_PROT", "1"), List.of()))
                .hasMessageContaining("SIGNET_PROT");
        assertThatThrownBy(() -> SignetConfig.from(Map.of(), List.of("--prot", "1")))
                .hasMessageContaining("--prot");
    }

    @Test
    void variables_of_the_launcher_and_the_CLI_are_not_server_settings_but_are_not_refused() {
        SignetConfig c = SignetConfig.from(Map.of("SIGNET_JVM_FLAGS", "-Xmx512m", "SIGNET_URL", "http://h:1"),
                List.of());
        assertThat(c.port()).isEqualTo(8080);
    }

    @Test
    void the_description_masks_secrets() {
        SignetConfig c = SignetConfig.from(Map.of(
                "SIGNET_SECRET_KEY", "sk_very_secret_value_123",
                "SIGNET_DATABASE_URL", "jdbc:postgresql://h/db?user=u&password=hunter2"), List.of());
        assertThat(c.describe()).doesNotContain("sk_very_secret_value_123").doesNotContain("hunter2");
    }

    /** Every record component is a documented setting: SignetConfig.fooBar reads SIGNET_FOO_BAR. */
    @Test
    void every_config_component_has_a_setting_and_a_README_row() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> envNames = Arrays.stream(Setting.values()).map(Setting::env).toList();
        for (var component : SignetConfig.class.getRecordComponents()) {
            String env = "SIGNET_" + component.getName().replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
            assertThat(envNames).as("setting for component " + component.getName()).contains(env);
        }
        for (Setting s : Setting.values()) {
            assertThat(readme).as("README row for " + s.env()).contains("| `" + s.env() + "` |");
        }
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^\\| `(SIGNET_[A-Z0-9_]+)` \\|")
                .matcher(readme);
        List<String> documented = new java.util.ArrayList<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        assertThat(documented).as("README rows that are no setting").isSubsetOf(envNames);
        assertThat(documented).as("README rows given twice").doesNotHaveDuplicates();
    }
}
