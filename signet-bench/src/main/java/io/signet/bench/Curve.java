package io.signet.bench;

import java.util.List;

/**
 * One growth curve on one backend: the same scenario measured as something grows (a user's history, the
 * number of users), point by point, so a reader sees whether the cost stays flat.
 */
record Curve(String name, String backend, String xAxis, List<Point> points) {

    record Point(String x, Measurement m) {
    }

    Curve {
        points = List.copyOf(points);
    }

    /** File name of its plot: lower case, words joined by '-'. */
    static String fileName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".png";
    }
}
