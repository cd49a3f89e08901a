package io.signet.bench;

/**
 * One row of the results: a scenario on a backend, its throughput and latency, its ratio to the
 * hello-world baseline of the same run, and the target it is held to (null when it has none).
 */
record Measurement(String backend, String scenario, double rps, double p50Ms, double p99Ms, long errors,
                   Double ratioToBaseline, String target, Boolean met, String note) {
}
