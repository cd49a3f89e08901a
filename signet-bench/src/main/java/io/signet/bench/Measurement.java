package io.signet.bench;

/**
 * One row of the results: a scenario on a backend, its throughput and latency, its ratio to the
 * hello-world baseline of the same run, the target it is held to (null when it has none), and what the
 * server went through meanwhile ({@code evidence}: GC pauses, checkpoints; null when not recorded).
 */
record Measurement(String backend, String scenario, double rps, double p50Ms, double p99Ms, long errors,
                   Double ratioToBaseline, String target, Boolean met, String note, String evidence) {

    Measurement(String backend, String scenario, double rps, double p50Ms, double p99Ms, long errors,
                Double ratioToBaseline, String target, Boolean met, String note) {
        this(backend, scenario, rps, p50Ms, p99Ms, errors, ratioToBaseline, target, met, note, null);
    }

    Measurement withTarget(String newTarget, boolean newMet) {
        return new Measurement(backend, scenario, rps, p50Ms, p99Ms, errors, ratioToBaseline, newTarget,
                newMet && errors == 0, note, evidence);
    }

    Measurement withEvidence(String what) {
        return new Measurement(backend, scenario, rps, p50Ms, p99Ms, errors, ratioToBaseline, target, met, note, what);
    }
}
