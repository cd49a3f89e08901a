package io.signet.bench;

/** One wrk measurement, as printed by common.lua's done(). */
record WrkResult(long requests, double seconds, double rps, double p50_ms, double p90_ms, double p99_ms,
                 double max_ms, long non2xx, long socket_errors) {
}
