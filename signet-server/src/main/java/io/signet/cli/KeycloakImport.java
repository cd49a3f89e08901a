package io.signet.cli;

import io.signet.imports.ImportSource;
import io.signet.imports.keycloak.CarryOverReport;
import io.signet.imports.keycloak.KeycloakRealmSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Keycloak side of {@code ./signet import --from keycloak}: the realm export as an {@link ImportSource} for
 * the same importer as a Signet export, and the report of what it leaves behind, added to the summary.
 */
final class KeycloakImport implements AutoCloseable {
    private final Path reportFile;
    private final CarryOverReport report;
    private final KeycloakRealmSource source;

    private KeycloakImport(Path reportFile, CarryOverReport report, KeycloakRealmSource source) {
        this.reportFile = reportFile;
        this.report = report;
        this.source = source;
    }

    /** Opens {@code file}; the report goes to {@code reportFile}, by default beside the export. */
    static KeycloakImport open(Path file, Path reportFile) {
        Path to = reportFile != null ? reportFile.toAbsolutePath() : CarryOverReport.besides(file);
        CarryOverReport report = CarryOverReport.to(to);
        try {
            return new KeycloakImport(to, report, KeycloakRealmSource.open(file, report, Instant.now()));
        } catch (RuntimeException e) {
            report.close();
            throw e;
        }
    }

    ImportSource source() {
        return source;
    }

    /** Fields for the {@code --json} summary: what was left behind, by kind, and the notices. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("notCarriedOver", report.counts());
        out.put("notCarriedOverReport", reportFile.toString());
        out.put("notices", source.notices());
        return out;
    }

    /** Lines for the text summary. */
    String text() {
        StringBuilder out = new StringBuilder("\n").append(report.summary());
        List<String> notices = source.notices();
        notices.forEach(n -> out.append("\nNote: ").append(n));
        return out.toString();
    }

    @Override
    public void close() {
        report.close();
    }
}
