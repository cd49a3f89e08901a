package io.signet.bench;

import io.signet.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes LATEST.md (a table for people) and LATEST.json (the same for scripts). */
final class Report {
    private Report() {
    }

    static void write(Path dir, Map<String, Object> environment, List<Measurement> rows) throws IOException {
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
                hello-world baseline measured in the same run with the same wrk settings.

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
        Files.writeString(dir.resolve("LATEST.md"), md.toString());
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }
}
