package io.signet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file is owner-only from the moment it exists, not chmod-ed afterwards. */
class EncryptionKeysTest {
    @TempDir
    Path dir;

    @Test
    void the_key_file_is_owner_only_already_when_the_key_is_being_written() throws Exception {
        Path file = dir.resolve("keys").resolve("encryption.key");
        AtomicReference<String> whileWriting = new AtomicReference<>();
        String key = EncryptionKeys.readOrCreate(file, () -> {
            // The supplier runs once the file is created and before anything is written to it: the moment a
            // create-then-chmod would still have the umask's permissions.
            try {
                whileWriting.set(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "a-key";
        });
        assertThat(key).isEqualTo("a-key");
        assertThat(whileWriting.get()).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(EncryptionKeys.readOrCreate(file, () -> "another")).as("an existing file is kept").isEqualTo("a-key");
    }
}
