package io.signet.bench;

import io.signet.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes LATEST.md (tables for people: results and targets, the growth curves with their PNG plots, the
 * tail evidence, the change against the previous run) and LATEST.json (the same for scripts).
 */
final class Report {
    private Report() {
    }

    static void write(Path dir, Map<String, Object> environment, List<Measurement> rows, List<Curve> curves,
                      Comparison comparison) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", environment);
        json.put("results", rows);
        Files.writeString(dir.resolve("LATEST.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");

        StringBuilder md = new StringBuilder("# Signet benchmark results\n\n");
        environment.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("""

                Throughput from wrk (closed loop) unless the scenario says open loop; ratios are to the
                hello-world baseline measured in the same run just before that backend, with the same wrk
                settings. The machine is shared and noisy: the ratios to the same-run baseline are what count,
                not the raw req/s.

                | backend | scenario | req/s | p50 ms | p99 ms | errors | × baseline | target | met |
                |---|---|---:|---:|---:|---:|---:|---|---|
                """);
        for (Measurement m : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s | %s | %s |%n",
                    m.backend(), m.scenario() + (m.note() == null ? "" : " (" + m.note() + ")"),
                    num(m.rps(), "%.0f"), num(m.p50Ms(), "%.2f"), num(m.p99Ms(), "%.2f"), m.errors(),
                    m.ratioToBaseline() == null ? "" : String.format(Locale.ROOT, "%.2f", m.ratioToBaseline()),
                    m.target() == null ? "" : m.target(),
                    m.met() == null ? "" : (m.met() ? "met" : "NOT met")));
        }
        md.append(curves(dir, curves));
        md.append("\n## What the server went through (tail evidence)\n\n"
                + "GC pauses from the server's `-Xlog:gc`, PostgreSQL checkpoints from `pg_stat_bgwriter` and the "
                + "size of SQLite's WAL after the scenario (warm-up included).\n\n| backend | scenario | p99 ms | evidence |\n|---|---|---:|---|\n");
        for (Measurement m : rows) {
            if (m.evidence() != null) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", m.backend(), m.scenario(),
                        num(m.p99Ms(), "%.2f"), m.evidence()));
            }
        }
        md.append(comparison.markdown(rows));
        Files.writeString(dir.resolve("LATEST.md"), md.toString());
    }

    /** A small table per curve and backend, and one PNG per curve with a line per backend. */
    private static String curves(Path dir, List<Curve> curves) throws IOException {
        StringBuilder md = new StringBuilder();
        if (!curves.isEmpty()) {
            md.append("\n## Growth curves\n");
        }
        Map<String, List<Curve>> byName = curves.stream()
                .collect(Collectors.groupingBy(Curve::name, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Curve>> e : byName.entrySet()) {
            String file = Curve.fileName(e.getKey());
            Plot.write(dir.resolve(file), e.getKey(), e.getValue());
            md.append("\n### ").append(e.getKey()).append("\n\n![").append(e.getKey()).append("](").append(file)
                    .append(")\n\n| backend | ").append(e.getValue().getFirst().xAxis())
                    .append(" | req/s | × baseline | p50 ms | p99 ms | errors |\n|---|---|---:|---:|---:|---:|---:|\n");
            for (Curve c : e.getValue()) {
                for (Curve.Point p : c.points()) {
                    Measurement m = p.m();
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %d |%n", c.backend(),
                            p.x(), num(m.rps(), "%.0f"), m.ratioToBaseline(), num(m.p50Ms(), "%.2f"),
                            num(m.p99Ms(), "%.2f"), m.errors()));
                }
            }
        }
        return md.toString();
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }
}
