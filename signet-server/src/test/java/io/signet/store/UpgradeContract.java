package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.signet.Signet;
import io.signet.crypto.Encryptor;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.testing.Backend;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Upgrades: a database with the schema of the previous release and data in it is
 * migrated by the current code at start-up, each step logged with its time; with
 * SIGNET_MIGRATE_ON_START=false a node refuses a schema that is behind until {@code ./signet migrate up}.
 */
abstract class UpgradeContract {
    /**
     * The schema of an earlier version: main before the failure counters (V16, commit 42c330c), so that
     * every later migration runs over real data. Signet has no tagged release yet; when it has, this is the
     * newest migration of the previous one. Data is written with that schema's SQL, as that version wrote it.
     */
    static final String PREVIOUS_RELEASE_SCHEMA = "14";

    @TempDir
    Path tempDir;
    String url;
    byte[] key = RandomTokens.bytes(32);
    private final Logger migrationsLog = (Logger) LoggerFactory.getLogger(Migrations.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    abstract Backend backend();

    @BeforeEach
    void previousRelease() {
        url = TestDatabases.fresh(backend(), tempDir);
        Flyway.configure().dataSource(url, null, null).locations(Dialect.of(url).migrationLocation())
                .target(PREVIOUS_RELEASE_SCHEMA).load().migrate();
        try (Database db = Database.open(url, 2, Migrations.OnOpen.NOTHING)) {
            insertPreviousReleaseData(db);
        }
        lines.start();
        migrationsLog.addAppender(lines);
    }

    @AfterEach
    void drop() {
        migrationsLog.detachAppender(lines);
        TestDatabases.dropIfPostgres(url);
    }

    /** A tenant with its key, and a user with attributes, written as the V14 schema stores them. */
    private void insertPreviousReleaseData(Database db) {
        SecretHasher hasher = new SecretHasher(key);
        String keyId = "key-previous";
        String sealed = new Encryptor(key).encrypt(TestServer.SECRET_KEY, "tenant-key:t-previous:" + keyId);
        db.write(jdbc -> {
            jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t-previous', 'Previous', 1000)");
            jdbc.update("INSERT INTO tenant_keys (tenant_id, key_id, key_hash, key_prefix, key_sealed, created_at) "
                    + "VALUES ('t-previous', ?, ?, ?, ?, 1000)", keyId,
                    hasher.hash("tenant-secret-key", TestServer.SECRET_KEY), TestServer.SECRET_KEY.substring(0, 8), sealed);
            jdbc.update("INSERT INTO users (tenant_id, user_id, email, email_normalized, username, custom, created_at, "
                    + "updated_at) VALUES ('t-previous', 'u-1', 'Ann@Example.com', 'ann@example.com', 'ann', "
                    + "'{\"plan\":\"gold\"}', 1000, 1000)");
            return null;
        });
    }

    @Test
    void the_current_code_migrates_a_previous_release_database_and_keeps_its_data() {
        try (TestServer server = TestServer.startOn(url, key, Map.of(), Clock.systemUTC())) {
            JsonNode user = server.api().get("/v1/users/u-1").json();
            assertThat(user.path("email").asString()).isEqualTo("Ann@Example.com");
            assertThat(user.path("username").asString()).isEqualTo("ann");
            assertThat(user.path("custom").path("plan").asString()).isEqualTo("gold");
            assertThat(server.api().patch("/v1/users/u-2", Map.of("username", "bob")).status())
                    .as("writes work on the migrated schema").isEqualTo(200);
            assertThat(server.app().database().migrations().pendingCount()).isZero();
        }
        List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).anyMatch(l -> l.matches("migration V\\d+ \\(.*\\) applied in \\d+ ms"))
                .anyMatch(l -> l.startsWith("database schema migrated from V" + PREVIOUS_RELEASE_SCHEMA + " to V"));
    }

    @Test
    void without_migrate_on_start_a_node_refuses_a_schema_behind_until_migrate_up() {
        Map<String, String> noMigration = Map.of("SIGNET_MIGRATE_ON_START", "false");
        assertThatThrownBy(() -> TestServer.startOn(url, key, noMigration, Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema is at V" + PREVIOUS_RELEASE_SCHEMA)
                .hasMessageContaining("./signet migrate up");
        assertThat(Signet.commandLine().execute("migrate", "status", "--database-url", url)).as("pending").isEqualTo(1);
        assertThat(Signet.commandLine().execute("migrate", "up", "--database-url", url)).isEqualTo(0);
        assertThat(Signet.commandLine().execute("migrate", "status", "--database-url", url)).isEqualTo(0);
        try (TestServer server = TestServer.startOn(url, key, noMigration, Clock.systemUTC())) {
            assertThat(server.api().get("/v1/users/u-1").json().path("username").asString()).isEqualTo("ann");
        }
    }
}
