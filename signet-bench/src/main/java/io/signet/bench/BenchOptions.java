package io.signet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command line of {@code ./signet bench}; the launcher adds the jar paths and JVM flags. */
record BenchOptions(boolean quick, List<String> backends, Path out, Path serverJar, Path benchJar, String java,
                    List<String> jvmFlags, String only, List<Long> importUsers) {
    /** What {@code --only} selects: one part of the run, alone. */
    static final List<String> PARTS = List.of("import");

    /** Whether the part {@code name} runs: every part without {@code --only}, else just the one named. */
    boolean runs(String name) {
        return only == null || only.equals(name);
    }

    /**
     * The sizes of the import benchmark, smallest first: the file's size doubles as the
     * memory-flatness check. {@code --import-users 100000,1000000} chooses them.
     */
    List<Long> importScales() {
        return importUsers != null ? importUsers : quick ? List.of(10_000L, 100_000L) : List.of(100_000L, 1_000_000L);
    }

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
        String only = null;
        List<Long> importUsers = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--db" -> db = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--server-jar" -> serverJar = Path.of(args[++i]);
                case "--bench-jar" -> benchJar = Path.of(args[++i]);
                case "--java" -> java = args[++i];
                case "--jvm-flags" -> flags.addAll(List.of(args[++i].trim().split("\\s+")));
                case "--only" -> only = args[++i];
                case "--import-users" -> importUsers = sizes(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: ./signet bench [--quick] [--db sqlite|postgres|both] [--only import] [--import-users N,N]");
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
        if (only != null && !PARTS.contains(only)) {
            throw new IllegalArgumentException("--only takes " + String.join(" or ", PARTS));
        }
        flags.removeIf(String::isBlank);
        return new BenchOptions(quick, backends, out, serverJar, benchJar, java, List.copyOf(flags), only, importUsers);
    }

    private static List<Long> sizes(String list) {
        try {
            List<Long> sizes = Arrays.stream(list.split(",")).map(String::strip).map(Long::parseLong)
                    .sorted().toList();
            if (sizes.isEmpty() || sizes.getFirst() < 1) {
                throw new NumberFormatException();
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--import-users takes user counts separated by commas, e.g. 100000,1000000");
        }
    }
}
