package io.signet.metrics;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import java.util.HashMap;
import java.util.Map;

/** One scrape of {@code /metrics}: each sample line ({@code name{labels} value}) by its name and labels. */
record Scrape(String text, Map<String, Double> samples) {

    static Scrape of(Api api) {
        ApiResponse r = api.withKey(null).get("/metrics");
        if (r.status() != 200) {
            throw new AssertionError("GET /metrics: " + r);
        }
        Map<String, Double> samples = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Scrape(r.body(), samples);
    }

    /** The sample's value, 0 when the series does not exist yet (a counter not yet incremented). */
    double value(String series) {
        return samples.getOrDefault(series, 0.0);
    }

    boolean hasMetric(String name) {
        return samples.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }
}
