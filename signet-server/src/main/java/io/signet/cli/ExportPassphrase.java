package io.signet.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where an export passphrase comes from: a file (first line), the SIGNET_EXPORT_PASSPHRASE variable, or the
 * terminal. Never a command-line value: those end up in shell history and in every user's process list.
 */
final class ExportPassphrase {
    static final String ENV = "SIGNET_EXPORT_PASSPHRASE";
    /** Shorter passphrases fall to a guessing attack on a stolen file despite scrypt. */
    static final int MIN_LENGTH = 12;

    private ExportPassphrase() {
    }

    static char[] read(Path file, boolean confirm) {
        char[] phrase = file != null ? fromFile(file) : fromEnvironmentOrTerminal(confirm);
        if (phrase.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the export passphrase must be at least " + MIN_LENGTH + " characters");
        }
        return phrase;
    }

    private static char[] fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the passphrase file " + file + ": " + e.getMessage());
        }
    }

    private static char[] fromEnvironmentOrTerminal(boolean confirm) {
        String env = System.getenv(ENV);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no passphrase: give --passphrase-file FILE or set " + ENV);
        }
        char[] first = console.readPassword("Export passphrase: ");
        if (confirm && !Arrays.equals(first, console.readPassword("Same passphrase again: "))) {
            throw new IllegalArgumentException("the two passphrases differ");
        }
        return first == null ? new char[0] : first;
    }
}
