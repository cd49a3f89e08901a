package io.signet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Everything measured on one backend: start-up, data load, batch time, the wrk scenarios, the closed-loop
 * ceremonies, the growth curves, memory; each held to its {@link Targets} where it has one.
 */
final class BackendRun {
    record Result(List<Measurement> rows, List<Curve> curves) {
    }

    private final BenchOptions options;
    private final Wrk wrk;
    private final Path work;
    private final String backend;
    private final WrkResult hello;
    private final Targets targets;

    BackendRun(BenchOptions options, Wrk wrk, Path work, String backend, WrkResult hello) {
        this.options = options;
        this.wrk = wrk;
        this.work = work;
        this.backend = backend;
        this.hello = hello;
        this.targets = Targets.of(backend);
    }

    Result run() throws Exception {
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = Backends.freshUrl(backend, runId);
        String key = BenchMain.randomSecret();
        List<Measurement> rows = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        prime(key);
        try (Server server = start(url, key, "signet-" + backend)) {
            String base = server.base();
            rows.add(fact("start to healthy", server.process().startToHealthyMillis() + " ms", "< 1500 ms",
                    server.process().startToHealthyMillis() < 1500));
            SignetHttp http = new SignetHttp(base, key);
            DataLoader loader = new DataLoader(http);
            long loadStart = System.nanoTime();
            System.out.println("bench: " + backend + ": loading " + options.users() + " users x 3 authenticators");
            loader.load(options.users(), () -> Backends.analyzeIfAutovacuumIsOff(backend, url));
            rows.add(fact("load " + options.users() + " users x 3 authenticators",
                    String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - loadStart) / 1e9), null, null));
            String analyzed = Backends.analyzeIfAutovacuumIsOff(backend, url);
            if (analyzed != null) {
                System.out.println("bench: " + backend + ": " + analyzed);
                rows.add(fact("table statistics", analyzed, null, null));
            }
            rows.add(batch(loader));

            Map<String, String> wrkEnv = Map.of("SIGNET_BENCH_AUTH", SignetHttp.basicCredentials(key),
                    "SIGNET_BENCH_USERS", Integer.toString(options.users()), "SIGNET_BENCH_RUN", runId);
            rows.add(targets.read(scenario(server, "getUser", "get_user", base, wrkEnv)));
            rows.add(targets.read(scenario(server, "getAuthenticators (3 each)", "get_authenticators", base, wrkEnv)));
            Measurement enroll = targets.enroll(scenario(server, "enroll EMAIL_OTP (new users)", "enroll", base, wrkEnv));
            rows.add(enroll);
            rows.add(targets.openLoop(enrollAtHalfRate(server, key, enroll.rps(), runId)));
            rows.add(scenario(server, "track signIn", "track", base, wrkEnv));
            Map<String, String> sessionEnv = new HashMap<>(wrkEnv);
            sessionEnv.put("SIGNET_BENCH_ACCESS_TOKEN", accessToken(http));
            rows.add(scenario(server, "validateSession", "validate_session", base, sessionEnv));
            rows.add(loop(server, "passkey sign-in (#6 + #8)", "2 requests per sign-in, " + BenchMain.CONNECTIONS
                    + " browsers", () -> PasskeyLoop.run(base, key, BenchMain.CONNECTIONS, options.warmupSeconds(),
                    options.measureSeconds())));
            rows.add(loop(server, "email OTP verify (track + #11 + #12)", "3 requests + 1 email.created webhook per "
                    + "challenge and verify, " + BenchMain.CONNECTIONS + " users", () -> EmailOtpLoop.run(base, key,
                    BenchMain.CONNECTIONS, options.warmupSeconds(), options.measureSeconds())));
            rows.add(loop(server, "createSession + refresh (track + create + refresh)", "3 requests per iteration, "
                    + BenchMain.CONNECTIONS + " users", () -> SessionLoop.run(base, key, BenchMain.CONNECTIONS,
                    options.warmupSeconds(), options.measureSeconds())));
            Curve hot = new GrowthCurves(options, wrk, backend, hello, server.evidence()).hotUser(base, key, url, wrkEnv, runId);
            curves.add(hot);
            rows.addAll(targets.hotUser(hot));
            double rss = server.process().peakRssMib();
            rows.add(fact("peak RSS", String.format(Locale.ROOT, "%.0f MiB", rss), "< 300 MiB", rss > 0 && rss < 300));
        } finally {
            Backends.drop(backend, runId);
        }
        curves.add(usersCurve(key));
        rows.addAll(curves.getLast().points().stream().map(Curve.Point::m).toList());
        rows.add(targets.everyP99(rows));
        return new Result(rows, curves);
    }

    /** getUser as users grow, on a server of its own over a fresh database, so the sizes are what they say. */
    private Curve usersCurve(String key) throws Exception {
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = Backends.freshUrl(backend, runId);
        try (Server server = start(url, key, "signet-" + backend + "-users")) {
            Map<String, String> wrkEnv = Map.of("SIGNET_BENCH_AUTH", SignetHttp.basicCredentials(key));
            return new GrowthCurves(options, wrk, backend, hello, server.evidence()).getUserAtScale(server.base(), url, wrkEnv);
        } finally {
            Backends.drop(backend, runId);
        }
    }

    /** A measured server: its process, its base URL and what explains its tails. */
    private record Server(ManagedProcess process, String base, Evidence evidence) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private Server start(String url, String key, String name) throws Exception {
        int port = BenchMain.freePort();
        List<String> cmd = BenchMain.javaCommand(options, options.serverJar());
        Path gcLog = work.resolve(name + "-gc.log");
        cmd.add(Evidence.gcFlag(gcLog));
        cmd.addAll(List.of("-jar", options.serverJar().toString(), "serve"));
        Map<String, String> env = new HashMap<>(EmailOtpLoop.SERVER_ENV);
        env.putAll(Map.of("SIGNET_PORT", Integer.toString(port), "SIGNET_DATABASE_URL", url,
                "SIGNET_SECRET_KEY", key, "SIGNET_ENCRYPTION_KEY", BenchMain.randomEncryptionKey()));
        ManagedProcess process = ManagedProcess.start(cmd, env, port, work.resolve(name + ".log"));
        return new Server(process, "http://127.0.0.1:" + port, new Evidence(process, gcLog, url));
    }

    static Measurement fromWrk(String backend, String name, WrkResult r, WrkResult hello, String note) {
        return new Measurement(backend, name, r.rps(), r.p50_ms(), r.p99_ms(), r.non2xx() + r.socket_errors(),
                r.rps() / hello.rps(), null, null, note);
    }

    private Measurement scenario(Server server, String name, String script, String base, Map<String, String> env)
            throws Exception {
        System.out.println("bench: " + backend + ": " + name);
        Evidence.Mark mark = server.evidence().mark();
        WrkResult r = wrk.run(script, base, env, options.warmupSeconds(), options.measureSeconds());
        return fromWrk(backend, name, r, hello, null).withEvidence(mark.summary());
    }

    /** A closed loop of whole flows; rps counts flows against the same-run baseline. */
    private Measurement loop(Server server, String name, String note, Callable<ClosedLoop.Result> run) throws Exception {
        System.out.println("bench: " + backend + ": " + name);
        Evidence.Mark mark = server.evidence().mark();
        ClosedLoop.Result r = run.call();
        return new Measurement(backend, name, r.ceremoniesPerSecond(), r.p50Ms(), r.p99Ms(), r.failures(),
                r.ceremoniesPerSecond() / hello.rps(), null, null, note, mark.summary());
    }

    /**
     * Starts and stops the server once on a scratch database so its class-data-sharing archive exists, as it
     * does on any node after its first start; the measured start is then a normal (re)start.
     */
    private void prime(String key) throws Exception {
        int port = BenchMain.freePort();
        List<String> cmd = BenchMain.javaCommand(options, options.serverJar());
        cmd.addAll(List.of("-jar", options.serverJar().toString(), "serve"));
        String scratch = "jdbc:sqlite:" + work.resolve("prime-" + backend + ".db");
        try (ManagedProcess p = ManagedProcess.start(cmd, Map.of("SIGNET_PORT", Integer.toString(port),
                "SIGNET_DATABASE_URL", scratch, "SIGNET_SECRET_KEY", key,
                "SIGNET_ENCRYPTION_KEY", BenchMain.randomEncryptionKey()), port, work.resolve("prime.log"))) {
            System.out.println("bench: " + backend + ": primed class data sharing (" + p.startToHealthyMillis() + " ms)");
        }
    }

    /** An access token for the validateSession scenario: app client, an ALLOWed track, createSession. */
    private static String accessToken(SignetHttp http) throws Exception {
        String clientId = field(http.post("/admin/v1/clients", "{\"name\":\"bench\"}"), "clientId");
        String token = field(http.post("/v1/users/bench-session-user/actions/signIn", "{}"), "token");
        return field(http.post("/v1/sessions", "{\"clientId\":\"" + clientId + "\",\"token\":\"" + token + "\"}"),
                "accessToken");
    }

    private static String field(String json, String name) {
        return io.signet.wire.Json.MAPPER.readTree(json).path(name).asString();
    }

    private Measurement batch(DataLoader loader) throws Exception {
        double[] times = new double[options.batchRepetitions()];
        for (int i = 0; i < times.length; i++) {
            times[i] = loader.timeOneBatch("batch-" + UUID.randomUUID().toString().substring(0, 8));
        }
        Arrays.sort(times);
        double median = times[times.length / 2];
        return new Measurement(backend, "batch enroll 1000 items", Double.NaN, median, times[times.length - 1], 0,
                null, "< 300 ms", median < 300,
                String.format(Locale.ROOT, "median of %d, ms per batch", times.length));
    }

    private Measurement enrollAtHalfRate(Server server, String key, double maxRps, String runId) throws Exception {
        double rate = Math.max(1, maxRps / 2);
        System.out.println("bench: " + backend + ": enroll open loop at " + (int) rate + "/s");
        String authorization = "Basic " + SignetHttp.basicCredentials(key);
        int port = server.process().port();
        Evidence.Mark mark = server.evidence().mark();
        OpenLoop.Result r = OpenLoop.run("127.0.0.1", port, rate, options.warmupSeconds(), options.measureSeconds(), seq -> {
            String id = "open-" + runId + "-" + seq;
            return OpenLoop.post("127.0.0.1", port, "/v1/users/" + id + "/authenticators", authorization,
                    "{\"verificationMethod\":\"EMAIL_OTP\",\"email\":\"" + id + "@bench.example.com\"}");
        });
        return new Measurement(backend, "enroll at half the max rate", r.achievedRps(), r.p50Ms(), r.p99Ms(),
                r.failures(), null, null, null, "open loop, latency from the scheduled start", mark.summary());
    }

    private Measurement fact(String name, String value, String target, Boolean met) {
        return new Measurement(backend, name, Double.NaN, Double.NaN, Double.NaN, 0, null, target, met, value);
    }
}
