package io.signet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Everything measured on one backend: start-up, data load, batch time, the wrk scenarios, memory. */
final class BackendRun {
    private final BenchOptions options;
    private final Wrk wrk;
    private final Path work;
    private final String backend;
    private final WrkResult hello;

    BackendRun(BenchOptions options, Wrk wrk, Path work, String backend, WrkResult hello) {
        this.options = options;
        this.wrk = wrk;
        this.work = work;
        this.backend = backend;
        this.hello = hello;
    }

    List<Measurement> run() throws Exception {
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = Backends.freshUrl(backend, runId);
        String key = BenchMain.randomSecret();
        int port = BenchMain.freePort();
        List<String> cmd = BenchMain.javaCommand(options, options.serverJar());
        cmd.addAll(List.of("-jar", options.serverJar().toString(), "serve"));
        prime(cmd, key);
        Map<String, String> env = new java.util.HashMap<>(EmailOtpLoop.SERVER_ENV);
        env.putAll(Map.of("SIGNET_PORT", Integer.toString(port), "SIGNET_DATABASE_URL", url,
                "SIGNET_SECRET_KEY", key, "SIGNET_ENCRYPTION_KEY", BenchMain.randomEncryptionKey()));
        List<Measurement> rows = new ArrayList<>();
        try (ManagedProcess server = ManagedProcess.start(cmd, env, port, work.resolve("signet-" + backend + ".log"))) {
            String base = "http://127.0.0.1:" + port;
            rows.add(fact("start to healthy", server.startToHealthyMillis() + " ms", "< 2000 ms",
                    server.startToHealthyMillis() < 2000));
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
            rows.add(scenario("getUser", "get_user", base, wrkEnv, 0.5));
            rows.add(scenario("getAuthenticators (3 each)", "get_authenticators", base, wrkEnv, 0.5));
            Measurement enroll = scenario("enroll EMAIL_OTP (new users)", "enroll", base, wrkEnv, null);
            double enrollTarget = backend.equals("sqlite") ? 3000 : 1500;
            rows.add(withTarget(enroll, "≥ " + (int) enrollTarget + "/s", enroll.rps() >= enrollTarget));
            rows.add(enrollAtHalfRate(port, key, enroll.rps(), runId));
            rows.add(scenario("track signIn", "track", base, wrkEnv, null));
            Map<String, String> sessionEnv = new java.util.HashMap<>(wrkEnv);
            sessionEnv.put("SIGNET_BENCH_ACCESS_TOKEN", accessToken(http));
            rows.add(scenario("validateSession", "validate_session", base, sessionEnv, null));
            rows.add(passkeySignIn(base, key));
            rows.add(emailOtpVerify(base, key));
            double rss = server.peakRssMib();
            rows.add(fact("peak RSS", String.format(Locale.ROOT, "%.0f MiB", rss), "< 300 MiB", rss > 0 && rss < 300));
        } finally {
            Backends.drop(backend, runId);
        }
        return rows;
    }

    private Measurement scenario(String name, String script, String base, Map<String, String> env, Double minRatio)
            throws Exception {
        System.out.println("bench: " + backend + ": " + name);
        WrkResult r = wrk.run(script, base, env, options.warmupSeconds(), options.measureSeconds());
        double ratio = r.rps() / hello.rps();
        return new Measurement(backend, name, r.rps(), r.p50_ms(), r.p99_ms(), r.non2xx() + r.socket_errors(), ratio,
                minRatio == null ? null : "≥ " + minRatio + "× baseline",
                minRatio == null ? null : ratio >= minRatio && r.non2xx() == 0, null);
    }

    /**
     * Starts and stops the server once on a scratch database so its class-data-sharing archive exists, as it
     * does on any node after its first start; the measured start is then a normal (re)start.
     */
    private void prime(List<String> cmd, String key) throws Exception {
        int port = BenchMain.freePort();
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

    private Measurement enrollAtHalfRate(int port, String key, double maxRps, String runId) throws Exception {
        double rate = Math.max(1, maxRps / 2);
        System.out.println("bench: " + backend + ": enroll open loop at " + (int) rate + "/s");
        String authorization = "Basic " + SignetHttp.basicCredentials(key);
        OpenLoop.Result r = OpenLoop.run("127.0.0.1", port, rate, options.warmupSeconds(), options.measureSeconds(), seq -> {
            String id = "open-" + runId + "-" + seq;
            return OpenLoop.post("127.0.0.1", port, "/v1/users/" + id + "/authenticators", authorization,
                    "{\"verificationMethod\":\"EMAIL_OTP\",\"email\":\"" + id + "@bench.example.com\"}");
        });
        return new Measurement(backend, "enroll at half the max rate", r.achievedRps(), r.p50Ms(), r.p99Ms(),
                r.failures(), null, "p99 < 10 ms", r.p99Ms() < 10 && r.failures() == 0, "open loop");
    }

    /**
     * Usernameless passkey sign-in through the Client API (#6 then #8) by as many simulated browsers as wrk
     * has connections; rps counts whole ceremonies (two requests each) against the same-run baseline.
     */
    private Measurement passkeySignIn(String base, String key) throws Exception {
        System.out.println("bench: " + backend + ": passkey sign-in");
        ClosedLoop.Result r = PasskeyLoop.run(base, key, BenchMain.CONNECTIONS, options.warmupSeconds(),
                options.measureSeconds());
        return new Measurement(backend, "passkey sign-in (#6 + #8)", r.ceremoniesPerSecond(), r.p50Ms(), r.p99Ms(),
                r.failures(), r.ceremoniesPerSecond() / hello.rps(), null, null,
                "2 requests per sign-in, " + BenchMain.CONNECTIONS + " browsers");
    }

    private Measurement emailOtpVerify(String base, String key) throws Exception {
        System.out.println("bench: " + backend + ": email OTP verify");
        ClosedLoop.Result r = EmailOtpLoop.run(base, key, BenchMain.CONNECTIONS, options.warmupSeconds(),
                options.measureSeconds());
        return new Measurement(backend, "email OTP verify (track + #11 + #12)", r.ceremoniesPerSecond(), r.p50Ms(),
                r.p99Ms(), r.failures(), r.ceremoniesPerSecond() / hello.rps(), null, null,
                "3 requests + 1 email.created webhook per verify, " + BenchMain.CONNECTIONS + " users");
    }

    private Measurement fact(String name, String value, String target, Boolean met) {
        return new Measurement(backend, name, Double.NaN, Double.NaN, Double.NaN, 0, null, target, met, value);
    }

    private static Measurement withTarget(Measurement m, String target, boolean met) {
        return new Measurement(m.backend(), m.scenario(), m.rps(), m.p50Ms(), m.p99Ms(), m.errors(),
                m.ratioToBaseline(), target, met && m.errors() == 0, m.note());
    }
}
