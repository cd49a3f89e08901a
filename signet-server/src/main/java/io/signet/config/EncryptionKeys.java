package io.signet.config;

import io.signet.crypto.RandomTokens;
import io.signet.store.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/**
 * Finds the master encryption key: {@code SIGNET_ENCRYPTION_KEY} when set; with SQLite and no key, a key
 * file beside the database (created on first start, readable by the owner only); with PostgreSQL the key
 * is required, because several nodes must share it.
 */
public final class EncryptionKeys {
    private EncryptionKeys() {
    }

    public static byte[] resolve(SignetConfig config) {
        if (config.encryptionKey().isPresent()) {
            return config.encryptionKey().get();
        }
        if (config.isPostgres()) {
            throw new ConfigException("SIGNET_ENCRYPTION_KEY is required with PostgreSQL so every node shares it. "
                    + "Create one with: openssl rand -base64 32");
        }
        return fromKeyFile(keyFileBeside(config.databaseUrl()));
    }

    static Path keyFileBeside(String sqliteUrl) {
        return Dialect.sqliteFile(sqliteUrl).orElseThrow(() -> new ConfigException(
                "set SIGNET_ENCRYPTION_KEY when SIGNET_DATABASE_URL is not a plain SQLite file"))
                .resolveSibling("encryption.key");
    }

    private static byte[] fromKeyFile(Path path) {
        String text = readOrCreate(path, () -> Base64.getEncoder().encodeToString(RandomTokens.bytes(32)));
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length != 32) {
                throw new ConfigException("key file " + path + " does not hold 32 bytes of base64");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("key file " + path + " is not valid base64");
        }
    }

    /**
     * The stripped text of a key file, created first with {@code newKey} when it does not exist; when two
     * processes race, both use the file that won. The file is created owner-only (0600) in the same system
     * call that creates it, so no other user can open it even for an instant (a chmod after the create
     * would leave a window, and an open descriptor another user got in that window keeps working).
     */
    static String readOrCreate(Path path, java.util.function.Supplier<String> newKey) {
        try {
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                try (SeekableByteChannel out = Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC), ownerOnly())) {
                    out.write(ByteBuffer.wrap((newKey.get() + "\n").getBytes(StandardCharsets.US_ASCII)));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return Files.readString(path, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + path, e);
        }
    }

    /** Owner read and write only, on a POSIX file system; elsewhere nothing (the platform's defaults apply). */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
