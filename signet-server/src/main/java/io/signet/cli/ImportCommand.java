package io.signet.cli;

import io.signet.config.EncryptionKeys;
import io.signet.config.SignetConfig;
import io.signet.imports.ImportLine;
import io.signet.imports.ImportOptions;
import io.signet.imports.ImportRun;
import io.signet.imports.ImportSource;
import io.signet.imports.JsonlSource;
import io.signet.imports.LineResult;
import io.signet.imports.UserImporter;
import io.signet.store.Database;
import io.signet.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./signet import FILE}: users from an export file (docs/export-format.md) into a tenant, either
 * straight into SIGNET_DATABASE_URL ({@code --tenant}, the fast path, like export) or through a running
 * server's {@code POST /admin/v1/import} ({@code --url}/{@code --key}). Both end in the same importer.
 */
@Command(name = "import", description = "Import users, with attributes and authenticators, from a file written by "
        + "`signet export` (plain or encrypted), or from a Keycloak realm export (--from keycloak). With --tenant it "
        + "writes to SIGNET_DATABASE_URL directly; otherwise it sends batches to the server at --url. Idempotent; "
        + "exit code 1 when a line was rejected.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The export file (JSON Lines, or encrypted with a passphrase), or "
            + "with --from keycloak a realm or users file written by kc.sh export.")
    Path file;

    @Option(names = "--from", paramLabel = "FORMAT", description = "signet (default): a file written by signet export; "
            + "keycloak: a Keycloak realm export, mapped as docs/keycloak-import.md describes.")
    String from = "signet";

    @Option(names = "--report", paramLabel = "FILE", description = "With --from keycloak: where what cannot be carried "
            + "over is listed, with user and reason, one JSON line each (default: FILE.not-imported.jsonl).")
    Path report;

    @Option(names = "--tenant", paramLabel = "TENANT_ID", description = "Import into this tenant of "
            + "SIGNET_DATABASE_URL directly (the server may be stopped). Without it: the server at --url.")
    String tenantId;

    @Mixin
    AdminOptions admin;

    @Option(names = "--dry-run", description = "Check every line and report what would be created, updated, "
            + "unchanged or rejected; write nothing (the reject file is still written).")
    boolean dryRun;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Where rejected lines are reported, one JSON line "
            + "each (default: FILE.rejects.jsonl).")
    Path rejects;

    @Option(names = "--resume", description = "Continue an interrupted import after the last committed batch "
            + "recorded in the checkpoint.")
    boolean resume;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "The checkpoint file, written after every "
            + "committed batch and removed at the end (default: FILE.checkpoint.json).")
    Path checkpoint;

    @Option(names = "--batch-size", paramLabel = "N", description = "Users per transaction (local) or per request "
            + "(remote), 1 to " + UserImporter.MAX_BATCH + " (default " + UserImporter.MAX_BATCH + " local, "
            + REMOTE_BATCH + " remote).")
    Integer batchSize;

    @Option(names = "--skip-recovery-codes", description = "Import users without their recovery codes instead of "
            + "rejecting lines whose codes cannot verify here (exported without secrets, or another data key).")
    boolean skipRecoveryCodes;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "For an encrypted file: read the "
            + "passphrase from the first line of FILE; otherwise from " + ExportPassphrase.ENV + " or the terminal.")
    Path passphraseFile;

    @Unmatched
    List<String> settings = new ArrayList<>();

    static final int REMOTE_BATCH = 200;

    @Override
    public Integer call() {
        boolean local = tenantId != null;
        if (local && (admin.url != null || admin.key != null)) {
            throw usage("--tenant imports into SIGNET_DATABASE_URL directly; --url and --key are for a remote import");
        }
        if (!local && !settings.isEmpty()) {
            throw usage("unknown option " + settings.getFirst() + " (database settings apply only with --tenant)");
        }
        if (!from.equals("signet") && !from.equals("keycloak")) {
            throw usage("--from takes signet or keycloak");
        }
        if (!from.equals("keycloak") && report != null) {
            throw usage("--report lists what a Keycloak import leaves behind; it applies with --from keycloak");
        }
        if (from.equals("keycloak") && passphraseFile != null) {
            throw usage("--passphrase-file is for encrypted Signet exports; a Keycloak export is plain JSON");
        }
        if (resume && dryRun) {
            throw usage("--resume continues a real import; a dry run writes no checkpoint");
        }
        int batch = batchSize == null ? (local ? UserImporter.MAX_BATCH : REMOTE_BATCH) : batchSize;
        if (batch < 1 || batch > UserImporter.MAX_BATCH) {
            throw usage("--batch-size must be 1 to " + UserImporter.MAX_BATCH);
        }
        Path input = file.toAbsolutePath();
        ImportRun.Settings run = new ImportRun.Settings(input,
                rejects != null ? rejects : input.resolveSibling(input.getFileName() + ".rejects.jsonl"),
                checkpoint != null ? checkpoint : input.resolveSibling(input.getFileName() + ".checkpoint.json"),
                resume, new ImportOptions(dryRun, skipRecoveryCodes), batch);
        if (!local) {
            return run(run, RemoteImport.connect(admin.client()));
        }
        SignetConfig config = CliSettings.config(settings);
        byte[] key = EncryptionKeys.resolve(config);
        try (Database db = Database.open(config.databaseUrl(), 2)) {
            ExportCommand.requireTenant(db, tenantId);
            UserImporter importer = TenantCommands.core(config, db, key).importer();
            return run(run, new ImportRun.Target() {
                @Override
                public String tenantId() {
                    return tenantId;
                }

                @Override
                public List<LineResult> apply(List<ImportLine> lines, ImportOptions options) {
                    return importer.importBatch(tenantId, lines, options);
                }
            });
        }
    }

    private int run(ImportRun.Settings run, ImportRun.Target target) {
        ImportRun importRun = new ImportRun(run, target, System.err, onTerminal());
        ImportRun.Summary summary;
        KeycloakImport keycloak = from.equals("keycloak") ? KeycloakImport.open(file, report) : null;
        try (ImportSource source = keycloak != null ? keycloak.source()
                : JsonlSource.open(file, () -> ExportPassphrase.read(passphraseFile, false))) {
            summary = importRun.run(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (importRun.lastCommittedLine() > 0 && !dryRun) {
                System.err.println("signet: the import stopped: " + e.getMessage());
                System.err.println("signet: lines up to " + importRun.lastCommittedLine() + " are imported ("
                        + run.checkpoint() + "); run the same command with --resume to continue after them.");
                return 1;
            }
            throw e;
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
        Map<String, Object> json = json(summary, run);
        String text = text(summary, run);
        if (keycloak != null) {
            json.putAll(keycloak.summary());
            text += keycloak.text();
        }
        System.out.println(admin.json ? Json.write(json) : text);
        return summary.counts().rejected() > 0 ? 1 : 0;
    }

    /**
     * Whether a person watches: a console that is a terminal. From JDK 22 {@code System.console()} may return a
     * console for redirected streams too, and only {@code Console.isTerminal()} (JDK 22+) tells; on 21 a
     * console exists only for a terminal.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private String text(ImportRun.Summary s, ImportRun.Settings run) {
        String verb = dryRun ? "would be " : "";
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dry run of the import of " : "Imported ").append(file.getFileName())
                .append(" (tenant ").append(targetName(run)).append("): ")
                .append(String.format("%,d lines in %.1f s", s.linesThisRun(), s.millis() / 1000.0));
        if (s.resumedAfter() > 0) {
            out.append(", resumed after line ").append(s.resumedAfter());
        }
        out.append(dryRun ? "; nothing was written." : ".").append('\n');
        out.append(String.format("  %-17s %,12d%n", verb + "created", s.counts().created()));
        out.append(String.format("  %-17s %,12d%n", verb + "updated", s.counts().updated()));
        out.append(String.format("  %-17s %,12d%n", "unchanged", s.counts().unchanged()));
        out.append(String.format("  %-17s %,12d", "rejected", s.counts().rejected()));
        if (s.counts().rejected() > 0) {
            out.append("  (each with line, user, field and reason in ").append(run.rejects()).append(')');
            s.rejectedByField().forEach((field, n) -> out.append(String.format("%n    %,10d  %s", n,
                    field.isEmpty() ? "(the line as a whole)" : field)));
        }
        return out.toString();
    }

    private Map<String, Object> json(ImportRun.Summary s, ImportRun.Settings run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", dryRun);
        out.put("tenantId", targetName(run));
        out.put("created", s.counts().created());
        out.put("updated", s.counts().updated());
        out.put("unchanged", s.counts().unchanged());
        out.put("rejected", s.counts().rejected());
        out.put("rejectedByField", s.rejectedByField());
        out.put("resumedAfter", s.resumedAfter());
        out.put("linesThisRun", s.linesThisRun());
        out.put("millis", s.millis());
        out.put("rejects", run.rejects().toString());
        return out;
    }

    private String targetName(ImportRun.Settings run) {
        return tenantId != null ? tenantId : "at " + admin.client().baseUrl();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
    }
}
