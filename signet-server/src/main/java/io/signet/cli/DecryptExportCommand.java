package io.signet.cli;

import io.signet.export.ExportCipher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./signet decrypt-export FILE --out PLAIN}: the JSON Lines inside a passphrase-encrypted export. */
@Command(name = "decrypt-export", description = "Decrypt an export written with --include-secrets (the output "
        + "holds secrets in the clear: keep it as safe as the database).")
public final class DecryptExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The encrypted export.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the JSON Lines.")
    Path out;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from the first "
            + "line of FILE; otherwise from " + ExportPassphrase.ENV + " or the terminal.")
    Path passphraseFile;

    @Override
    public Integer call() {
        char[] passphrase = ExportPassphrase.read(passphraseFile, false);
        try (InputStream plain = ExportCipher.decrypting(Files.newInputStream(in), passphrase);
             OutputStream file = Files.newOutputStream(out)) {
            plain.transferTo(file);
        } catch (IOException e) {
            deleteQuietly(out);
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        System.err.println("Decrypted " + in + " to " + out + ".");
        return 0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a half-written plaintext must not stay behind; if even that fails the error above is the one to show
        }
    }
}
