package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.testing.Backend;
import io.signet.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class StorageSqliteIT extends StorageContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    @Test
    void a_write_cannot_start_another_write() {
        assertThatThrownBy(() -> db.write(jdbc -> db.write(inner -> 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pass the Jdbc on");
    }

    @Test
    void closing_keeps_what_committed_and_refuses_later_writes() {
        String file = TestDatabases.fresh(Backend.SQLITE, tempDir);
        Database first = Database.open(file, 2);
        first.write(jdbc -> jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t9', 'nine', 1)"));
        first.close();
        assertThatThrownBy(() -> first.write(jdbc -> 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        try (Database reopened = Database.open(file, 2)) {
            assertThat((long) reopened.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM tenants WHERE tenant_id = 't9'")))
                    .isEqualTo(1);
        }
    }
}
