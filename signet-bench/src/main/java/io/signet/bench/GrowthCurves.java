package io.signet.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The growth curves: track on a hot user as the user's history grows, and getUser as the number
 * of users grows. Histories and users are seeded straight into the database ({@link DirectSeed}); only the
 * measured calls go through HTTP.
 */
final class GrowthCurves {
    static final String HOT_ACTION = "hotSignIn";
    static final long[] HISTORIES = {0, 10_000, 100_000};

    private final BenchOptions options;
    private final Wrk wrk;
    private final String backend;
    private final WrkResult hello;
    private final Evidence evidence;

    GrowthCurves(BenchOptions options, Wrk wrk, String backend, WrkResult hello, Evidence evidence) {
        this.options = options;
        this.wrk = wrk;
        this.backend = backend;
        this.hello = hello;
        this.evidence = evidence;
    }

    /**
     * track of {@value #HOT_ACTION} on one user per point, seeded with that many BLOCKed actions from the
     * device it tracks from in the last hour (an account under attack), with rules reading every history
     * input: {@code counts.actionsLastHour}, {@code counts.actionCodeLastHour} and {@code device.isKnown}.
     */
    Curve hotUser(String base, String key, String url, Map<String, String> wrkEnv, String runId) throws Exception {
        SignetHttp http = new SignetHttp(base, key);
        http.post("/admin/v1/rules", "{\"name\":\"hot: many actions\",\"actionCode\":\"" + HOT_ACTION + "\","
                + "\"priority\":2,\"outcome\":\"BLOCK\",\"condition\":{\">\":[{\"var\":\"counts.actionsLastHour\"},100000000]}}");
        http.post("/admin/v1/rules", "{\"name\":\"hot: unknown device\",\"actionCode\":\"" + HOT_ACTION + "\","
                + "\"priority\":1,\"outcome\":\"CHALLENGE\",\"condition\":{\"and\":[{\"!\":{\"var\":\"device.isKnown\"}},"
                + "{\">\":[{\"var\":\"counts.actionCodeLastHour\"},100000000]}]}}");
        List<Curve.Point> points = new ArrayList<>();
        for (long history : HISTORIES) {
            String user = "hot-" + runId + "-" + history;
            http.post("/v1/users/" + user + "/actions/" + HOT_ACTION, "{}"); // creates the user
            try (DirectSeed seed = new DirectSeed(url)) {
                seed.actionHistory(user, HOT_ACTION, "bench-device", history, System.currentTimeMillis());
            }
            // 100,000 rows appear at once: autovacuum would analyze the tables before long, and where it is off
            // the planner kept the statistics of nearly empty tables (the PostgreSQL 100k point fell to a third).
            Backends.analyzeIfAutovacuumIsOff(backend, url);
            Map<String, String> env = new HashMap<>(wrkEnv);
            env.put("SIGNET_BENCH_HOT_USER", user);
            String name = "track on a hot user (" + label(history) + " actions)";
            points.add(new Curve.Point(label(history), measure(name, "track_hot", base, env)));
        }
        return new Curve("track on a hot user", backend, "actions of the user in the last hour", points);
    }

    /** getUser of random users at each size, growing one database: seeds up to the size, then measures. */
    Curve getUserAtScale(String base, String url, Map<String, String> wrkEnv) throws Exception {
        List<Curve.Point> points = new ArrayList<>();
        long seeded = 0;
        for (long users : options.userScales()) {
            try (DirectSeed seed = new DirectSeed(url)) {
                long start = System.nanoTime();
                seed.users("scale-", seeded, users - seeded, System.currentTimeMillis());
                System.out.printf(Locale.ROOT, "bench: %s: seeded %d users in %.1f s%n", backend, users - seeded,
                        (System.nanoTime() - start) / 1e9);
            }
            seeded = users;
            Backends.analyzeIfAutovacuumIsOff(backend, url);
            Map<String, String> env = new HashMap<>(wrkEnv);
            env.put("SIGNET_BENCH_USER_PREFIX", "scale-");
            env.put("SIGNET_BENCH_USERS", Long.toString(users));
            points.add(new Curve.Point(label(users), measure("getUser at " + label(users) + " users", "get_user", base, env)));
        }
        return new Curve("getUser as users grow", backend, "users in the database", points);
    }

    private Measurement measure(String name, String script, String base, Map<String, String> env) throws Exception {
        System.out.println("bench: " + backend + ": " + name);
        Evidence.Mark mark = evidence.mark();
        return BackendRun.fromWrk(backend, name, wrk.run(script, base, env, options.warmupSeconds(),
                options.measureSeconds()), hello, null).withEvidence(mark.summary());
    }

    static String label(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        return n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : Long.toString(n);
    }
}
