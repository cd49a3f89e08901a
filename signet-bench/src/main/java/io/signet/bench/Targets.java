package io.signet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The performance targets (closed loop, wrk -t2 -c32, ratios to the same-run baseline, 2-core machine),
 * one set per backend.
 */
record Targets(String backend, double reads, double hotTrack, double enroll, double p99Ms, double openLoopP99Ms) {
    /** SQLite only: a hot user's track at least this share of a fresh user's. */
    static final double HOT_OF_FRESH = 0.8;

    static Targets of(String backend) {
        return backend.equals("sqlite") ? new Targets(backend, 0.6, 0.15, 0.2, 20, 10)
                : new Targets(backend, 0.3, 0.08, 0.06, 30, 15);
    }

    Measurement read(Measurement m) {
        return ratio(m, reads);
    }

    Measurement enroll(Measurement m) {
        return ratio(m, enroll);
    }

    Measurement openLoop(Measurement m) {
        return m.withTarget("p99 ≤ " + fmt(openLoopP99Ms) + " ms", m.p99Ms() <= openLoopP99Ms);
    }

    /** The hot-user curve's rows, the largest history held to the track target. */
    List<Measurement> hotUser(Curve hot) {
        List<Measurement> rows = new ArrayList<>(hot.points().stream().map(Curve.Point::m).toList());
        Measurement fresh = rows.getFirst();
        Measurement hottest = rows.getLast();
        double ofFresh = hottest.rps() / fresh.rps();
        boolean met = hottest.ratioToBaseline() >= hotTrack;
        String target = "≥ " + fmt(hotTrack) + "× baseline";
        if (backend.equals("sqlite")) {
            met &= ofFresh >= HOT_OF_FRESH;
            target += " and ≥ " + fmt(HOT_OF_FRESH) + "× a fresh user (" + String.format(Locale.ROOT, "%.2f", ofFresh) + ")";
        }
        rows.set(rows.size() - 1, hottest.withTarget(target, met));
        return rows;
    }

    /** One row: the worst p99 of the backend's measured scenarios against the p99 target. */
    Measurement everyP99(List<Measurement> rows) {
        List<Measurement> measured = rows.stream().filter(m -> !Double.isNaN(m.p99Ms()) && !Double.isNaN(m.rps())).toList();
        String over = measured.stream().filter(m -> m.p99Ms() > p99Ms)
                .map(m -> m.scenario() + " " + String.format(Locale.ROOT, "%.0f", m.p99Ms()))
                .collect(Collectors.joining(", "));
        double worst = measured.stream().mapToDouble(Measurement::p99Ms).max().orElse(Double.NaN);
        return new Measurement(backend, "p99 of every scenario", Double.NaN, Double.NaN, worst, 0, null,
                "≤ " + fmt(p99Ms) + " ms", over.isEmpty(), over.isEmpty() ? "worst shown" : "over: " + over);
    }

    private Measurement ratio(Measurement m, double min) {
        return m.withTarget("≥ " + fmt(min) + "× baseline", m.ratioToBaseline() >= min);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
