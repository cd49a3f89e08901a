package io.signet.authenticator;

import static io.signet.authenticator.AuthenticatorFixtures.otpUri;
import static io.signet.authenticator.AuthenticatorFixtures.phone;
import static io.signet.authenticator.AuthenticatorFixtures.sms;
import static io.signet.authenticator.AuthenticatorFixtures.totpSecret;
import static io.signet.authenticator.AuthenticatorFixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.signet.crypto.Encryptor;
import io.signet.testing.ServerSuite;
import io.signet.testing.Backend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Secrets at rest and in logs, and recovery code redemption, per storage backend. */
abstract class AuthenticatorSecretsContract extends ServerSuite {
    @Test
    void no_TOTP_secret_or_recovery_code_is_readable_in_the_database_or_the_debug_log() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        List<String> secrets = new ArrayList<>();
        try {
            String id = uid();
            String secret = totpSecret();
            JsonNode r = server.api().post("/v1/users/" + id + "/authenticators",
                    Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri", otpUri(secret))).json();
            secrets.add(secret);
            secrets.add(secret.toLowerCase());
            r.path("recoveryCodes").forEach(c -> {
                secrets.add(c.asString());
                secrets.add(c.asString().replace("-", ""));
            });
            assertThat(secrets).hasSize(22);
            // a refused secret must not leak either: the 400 names the field, not the value
            String shortSecret = "GEZDGNBVGY3TQ===";
            server.api().post("/v1/users/" + id + "/authenticators",
                    Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri", otpUri(shortSecret)));
            secrets.add("GEZDGNBVGY3TQ");
        } finally {
            root.setLevel(before);
            root.detachAppender(captured);
        }
        StringBuilder log = new StringBuilder();
        for (ILoggingEvent e : captured.list) {
            log.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                log.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        assertThat(log).as("the capture works at DEBUG").contains("enrolled authenticator");
        String stored = storedBytes();
        assertThat(stored).as("the dump really holds the data").contains("AUTHENTICATOR_APP", "totp_secret_sealed");
        for (String s : secrets) {
            assertThat(stored).doesNotContain(s);
            assertThat(log.toString()).doesNotContain(s);
        }
    }

    @Test
    void a_sealed_TOTP_secret_opens_only_with_its_own_row_as_associated_data() {
        String id = uid();
        String secret = totpSecret();
        String authId = server.api().post("/v1/users/" + id + "/authenticators",
                Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri", otpUri(secret)))
                .json().path("authenticator").path("userAuthenticatorId").asString();
        String sealed = server.app().database().read(jdbc -> jdbc.queryOne(
                "SELECT totp_secret_sealed FROM authenticators WHERE authenticator_id = ?",
                row -> row.string("totp_secret_sealed"), authId)).orElseThrow();
        String tenantId = server.app().database().read(jdbc -> jdbc.queryOne(
                "SELECT tenant_id FROM authenticators WHERE authenticator_id = ?",
                row -> row.string("tenant_id"), authId)).orElseThrow();
        Encryptor encryptor = new Encryptor(server.encryptionKey());
        assertThat(encryptor.decrypt(sealed, AuthenticatorService.totpContext(tenantId, authId))).isEqualTo(secret);
        assertThatThrownBy(() -> encryptor.decrypt(sealed, AuthenticatorService.totpContext(tenantId, "other-id")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_recovery_code_redeems_exactly_once_even_when_sent_twenty_times_at_once() throws Exception {
        String id = uid();
        JsonNode r = server.api().post("/v1/users/" + id + "/authenticators", sms(phone())).json();
        String tenantId = server.app().database().read(jdbc -> jdbc.queryOne(
                "SELECT tenant_id FROM users WHERE user_id = ?", row -> row.string("tenant_id"), id)).orElseThrow();
        AuthenticatorService service = server.app().authenticators();
        String code = r.path("recoveryCodes").get(0).asString();

        List<Callable<OptionalInt>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> service.redeemRecoveryCode(tenantId, id, code));
        }
        List<OptionalInt> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<OptionalInt> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
        }
        assertThat(outcomes.stream().filter(OptionalInt::isPresent).toList()).containsExactly(OptionalInt.of(9));

        String second = r.path("recoveryCodes").get(1).asString();
        assertThat(service.redeemRecoveryCode(tenantId, id, second.toLowerCase().replace("-", " "))).hasValue(8);
        assertThat(service.redeemRecoveryCode(tenantId, "someone-else", r.path("recoveryCodes").get(2).asString())).isEmpty();
        assertThat(service.redeemRecoveryCode(tenantId, id, "not a code")).isEmpty();
        assertThat(service.redeemRecoveryCode(tenantId, id, "0000-0000-0000")).isEmpty();
    }

    /** Every byte the database holds: the SQLite files (WAL included), or a pg_dump of the database. */
    private String storedBytes() throws IOException, InterruptedException {
        String url = server.databaseUrl();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        if (backend() == Backend.SQLITE) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            for (Path p : List.of(file, Path.of(file + "-wal"))) {
                if (Files.exists(p)) {
                    all.write(Files.readAllBytes(p));
                }
            }
        } else {
            String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
            Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "--no-password", name)
                    .redirectErrorStream(true).start();
            all.write(dump.getInputStream().readAllBytes());
            assertThat(dump.waitFor()).as(all.toString(StandardCharsets.UTF_8)).isZero();
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
