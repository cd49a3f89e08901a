package io.signet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH micro-benchmarks of hot paths (package {@code io.signet.bench.jmh}) and returns their rows. */
final class Jmh {
    private Jmh() {
    }

    static List<Measurement> run(BenchOptions options) throws Exception {
        Options jmh = new OptionsBuilder()
                .include("io\\.signet\\.bench\\.jmh\\..*")
                .forks(1)
                .warmupIterations(options.quick() ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(options.quick() ? 2 : 5)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.SECONDS)
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED")
                .build();
        List<Measurement> rows = new ArrayList<>();
        for (RunResult r : new Runner(jmh).run()) {
            String name = r.getParams().getBenchmark().replace("io.signet.bench.jmh.", "");
            double opsPerSecond = r.getPrimaryResult().getScore();
            rows.add(new Measurement("jmh", name, opsPerSecond, Double.NaN, Double.NaN, 0, null, null, null,
                    String.format(java.util.Locale.ROOT, "ops/s ± %.0f", r.getPrimaryResult().getScoreError())));
        }
        return rows;
    }
}
