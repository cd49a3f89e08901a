package io.signet.cli;

import io.signet.config.EncryptionKeys;
import io.signet.config.SignetConfig;
import io.signet.export.ExportCipher;
import io.signet.export.UserExporter;
import io.signet.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./signet export --tenant ID --out FILE}: every user of a tenant as JSON Lines (docs/export-format.md),
 * read from SIGNET_DATABASE_URL directly like the tenant commands, so it works with the server stopped. The
 * file appears only once complete: it is written beside the target and renamed at the end.
 */
@Command(name = "export", description = "Write every user of a tenant, with attributes and authenticators, as JSON "
        + "Lines (one user per line; docs/export-format.md). Acts on SIGNET_DATABASE_URL directly.")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--tenant", required = true, paramLabel = "TENANT_ID", description = "The tenant to export.")
    String tenantId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--include-secrets", description = "Add TOTP secrets and recovery code hashes; the file is "
            + "then encrypted with a passphrase (AES-256-GCM, scrypt) unless --plaintext is given too.")
    boolean includeSecrets;

    @Option(names = "--plaintext", description = "With --include-secrets: write the secrets unencrypted.")
    boolean plaintext;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from the first "
            + "line of FILE; otherwise from " + ExportPassphrase.ENV + " or the terminal.")
    Path passphraseFile;

    @Unmatched
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        if (plaintext && !includeSecrets) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--plaintext only applies with --include-secrets (without secrets the file is plain already)");
        }
        boolean encrypt = includeSecrets && !plaintext;
        char[] passphrase = encrypt ? ExportPassphrase.read(passphraseFile, true) : null;
        SignetConfig config = CliSettings.config(settings);
        byte[] key = EncryptionKeys.resolve(config);
        try (Database db = Database.open(config.databaseUrl(), 2)) {
            requireTenant(db, tenantId);
            long users = write(TenantCommands.core(config, db, key).exporter(includeSecrets), passphrase);
            System.err.println("Exported " + users + " users of tenant " + tenantId + " to " + out
                    + (encrypt ? " (encrypted)" : includeSecrets ? " (WITH SECRETS, unencrypted)" : "") + ".");
            return 0;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** Refuses a tenant id that names no tenant of {@code db} (export and a local import act on one). */
    static void requireTenant(Database db, String tenantId) {
        if (db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM tenants WHERE tenant_id = ?", tenantId)) == 0) {
            throw new IllegalArgumentException("no tenant " + tenantId + " (see `signet tenant list`)");
        }
    }

    private long write(UserExporter exporter, char[] passphrase) {
        Path absolute = out.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            ownerOnly(partial);
            long users;
            try (OutputStream file = Files.newOutputStream(partial);
                 OutputStream sink = passphrase == null ? file
                         : ExportCipher.encrypting(file, passphrase, ExportCipher.DEFAULT_LOG2_N);
                 Writer writer = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
                users = exporter.export(tenantId, writer);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return users;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** An export holds personal data even without secrets: readable by its owner only where the OS allows. */
    private static void ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the export already failed; that error is the one to report
        }
    }
}
