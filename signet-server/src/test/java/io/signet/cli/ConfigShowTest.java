package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.config.ConfigException;
import io.signet.config.Setting;
import io.signet.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ConfigShowTest {
    @TempDir
    Path dir;

    private static String show(Map<String, String> env, List<String> args, boolean json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfigCommand.print(env, args, json, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void every_setting_is_shown_with_its_source_and_secrets_are_masked() throws Exception {
        Path file = dir.resolve("signet.conf");
        Files.writeString(file, "smtp-url = smtp://mailer:mail-password@mail.example.com:587\n"
                + "smtp-from = no-reply@example.com\n");
        String text = show(Map.of("SIGNET_SECRET_KEY", "sk_very_secret_value_123", "SIGNET_CONFIG_FILE", file.toString()),
                List.of("--port", "9100"), false);
        assertThat(text.lines()).hasSize(Setting.values().length);
        assertThat(text).contains("SIGNET_PORT").containsPattern("SIGNET_PORT +flag +9100")
                .containsPattern("SIGNET_SECRET_KEY +environment +\\*{8}")
                .containsPattern("SIGNET_SMTP_URL +file +\\*{8}")
                .containsPattern("SIGNET_SMTP_FROM +file +no-reply@example.com")
                .containsPattern("SIGNET_HOST +default +127.0.0.1")
                .containsPattern("SIGNET_OPERATOR_KEY +unset")
                .doesNotContain("sk_very_secret_value_123").doesNotContain("mail-password");

        JsonNode rows = Json.MAPPER.readTree(show(Map.of(), List.of("--port", "9100"), true));
        assertThat(rows.size()).isEqualTo(Setting.values().length);
        assertThat(rows.get(1).path("key").asString()).isEqualTo("SIGNET_PORT");
        assertThat(rows.get(1).path("value").asString()).isEqualTo("9100");
        assertThat(rows.get(1).path("source").asString()).isEqualTo("flag");
    }

    @Test
    void an_invalid_setting_is_refused_as_serve_would() {
        assertThatThrownBy(() -> show(Map.of("SIGNET_PORT", "eighty"), List.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SIGNET_PORT");
    }
}
