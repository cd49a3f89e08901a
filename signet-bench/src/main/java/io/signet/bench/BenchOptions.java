package io.signet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command line of {@code ./signet bench}; the launcher adds the jar paths and JVM flags. */
record BenchOptions(boolean quick, List<String> backends, Path out, Path serverJar, Path benchJar, String java,
                    List<String> jvmFlags) {

    int users() {
        return quick ? 10_000 : 100_000;
    }

    /**
     * Quick still warms up for 4 s: with 2 s the first read scenario ran while the JIT was compiling its
     * path and the loaded data was being checkpointed, and read 0.33x where the full run reads 0.42-0.49x.
     */
    int warmupSeconds() {
        return quick ? 4 : 5;
    }

    int measureSeconds() {
        return quick ? 8 : 15;
    }

    /** The sizes of the getUser growth curve. */
    long[] userScales() {
        return quick ? new long[] {10_000, 100_000} : new long[] {10_000, 100_000, 1_000_000};
    }

    int batchRepetitions() {
        return quick ? 3 : 10;
    }

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        String db = null;
        Path out = Path.of("bench/results");
        Path serverJar = null;
        Path benchJar = null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--db" -> db = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--server-jar" -> serverJar = Path.of(args[++i]);
                case "--bench-jar" -> benchJar = Path.of(args[++i]);
                case "--java" -> java = args[++i];
                case "--jvm-flags" -> flags.addAll(List.of(args[++i].trim().split("\\s+")));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: ./signet bench [--quick] [--db sqlite|postgres|both]");
            }
        }
        if (db == null) {
            db = quick ? "sqlite" : "both";
        }
        List<String> backends = switch (db) {
            case "sqlite" -> List.of("sqlite");
            case "postgres" -> List.of("postgres");
            case "both" -> List.of("sqlite", "postgres");
            default -> throw new IllegalArgumentException("--db takes sqlite, postgres or both");
        };
        if (serverJar == null || benchJar == null) {
            throw new IllegalArgumentException("run through ./signet bench, which passes --server-jar and --bench-jar");
        }
        flags.removeIf(String::isBlank);
        return new BenchOptions(quick, backends, out, serverJar, benchJar, java, List.copyOf(flags));
    }
}
