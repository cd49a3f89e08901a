package io.signet.cli;

import io.signet.Signet;
import io.signet.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Runs the CLI in-process (for the CLI tests here and the import round trips of other features) against a test server's database and captures what it prints. */
public final class CliRunner {
    public record Run(int code, String out, String err) {
    }

    private CliRunner() {
    }

    public static synchronized Run run(TestServer server, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--database-url", server.databaseUrl(),
                "--encryption-key", Base64.getEncoder().encodeToString(server.encryptionKey())));
        return run(all.toArray(String[]::new));
    }

    /** For commands that need no database, which refuse the database flags. */
    public static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Signet.commandLine().execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
