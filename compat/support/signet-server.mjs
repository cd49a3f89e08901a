// Starts a real Signet (the shaded server jar) for one test file: fresh SQLite file in a temp dir,
// known secret key, a port the server picks itself. Maven passes SIGNET_JAVA (the JDK running the
// build) and SIGNET_JAR; run by hand, the newest jar under ../signet-server/target is used.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SECRET_KEY = "sk_test_compat_" + randomBytes(8).toString("hex");

const STARTUP_TIMEOUT_MS = 60_000;
// The flags the Java suites give the Signet processes they start (SignetProcess): a test server lives for one
// file and serves a few hundred requests, so the optimising compiler (C2) would spend more CPU compiling than it
// saves, CPU the other files running beside it need; the serial collector and a small heap suit it too.
const JVM_FLAGS = ["--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1",
  "-Xshare:auto"];
const LISTENING = /Signet listening on (http:\/\/\S+?:\d+)/;

function serverJar() {
  if (process.env.SIGNET_JAR) return process.env.SIGNET_JAR;
  const target = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "signet-server", "target");
  const jar = readdirSync(target).find((name) => /^signet-server.*-all\.jar$/.test(name));
  if (!jar) throw new Error(`No signet-server-*-all.jar in ${target}: run ./mvnw -B package -pl signet-server first`);
  return join(target, jar);
}

function javaBinary() {
  if (process.env.SIGNET_JAVA) return process.env.SIGNET_JAVA;
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/**
 * The inherited environment minus every SIGNET_* variable: Signet refuses unknown settings (so it
 * would reject SIGNET_JAVA/SIGNET_JAR), and a developer's own SIGNET_DATABASE_URL must not leak in.
 */
function environmentWithoutSignetSettings() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("SIGNET_")));
}

/** Resolves with the server's origin once it prints its listening line; rejects if it exits first. */
function waitForListening(child, output) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Signet did not start in time:\n" + output.join(""))),
      STARTUP_TIMEOUT_MS);
    child.stdout.on("data", (chunk) => {
      const match = LISTENING.exec(output.join(""));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Signet exited with ${code} before listening:\n` + output.join("")));
    });
  });
}

async function waitForHealth(origin) {
  const response = await fetch(`${origin}/health`);
  const body = await response.json();
  if (response.status !== 200 || body.status !== "ok") {
    throw new Error(`Signet /health answered ${response.status} ${JSON.stringify(body)}`);
  }
}

/**
 * The databases a file can run against: SQLite always, PostgreSQL too when SIGNET_TEST_POSTGRES_URL names a
 * server. CI also sets SIGNET_TEST_REQUIRE_POSTGRES=true: then a missing URL fails the suite instead of
 * quietly running SQLite alone (an unreachable server already fails in freshPostgres).
 */
export function backends() {
  if (process.env.SIGNET_TEST_POSTGRES_URL) {
    return ["sqlite", "postgresql"];
  }
  if (process.env.SIGNET_TEST_REQUIRE_POSTGRES === "true") {
    throw new Error("SIGNET_TEST_REQUIRE_POSTGRES=true but SIGNET_TEST_POSTGRES_URL is not set: "
      + "the PostgreSQL runs of the compat suite cannot be skipped");
  }
  return ["sqlite"];
}

/**
 * A psql call against the server of SIGNET_TEST_POSTGRES_URL (jdbc:postgresql://HOST:PORT/DB?user=U),
 * connected to its database DB: the way .ci/run itself creates and drops databases.
 */
function psql(sql) {
  const url = new URL(process.env.SIGNET_TEST_POSTGRES_URL.replace(/^jdbc:/, ""));
  const env = { ...process.env, ...(url.searchParams.get("password") ? { PGPASSWORD: url.searchParams.get("password") } : {}) };
  execFileSync("psql", ["-h", url.hostname, "-p", url.port || "5432", "-U", url.searchParams.get("user") ?? "postgres",
    "-d", url.pathname.slice(1), "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], { env, stdio: ["ignore", "ignore", "pipe"] });
}

/** A fresh PostgreSQL database on that server: {url (its JDBC URL), drop()}. */
function freshPostgres() {
  const name = "signet_compat_" + randomBytes(8).toString("hex");
  psql(`CREATE DATABASE ${name}`);
  const url = process.env.SIGNET_TEST_POSTGRES_URL.replace(/^(jdbc:postgresql:\/\/[^/]+\/)[^?]*/, `$1${name}`);
  return { url, drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Runs a `signet` CLI command (`args`, e.g. ["export", "--tenant", id, "--out", file]) with the server jar, the
 * SIGNET_* settings in `env` and no others; resolves nothing, returns {status, stdout, stderr}.
 */
export function signetCli(args, env = {}) {
  const run = spawnSync(javaBinary(), ["--enable-native-access=ALL-UNNAMED", "-jar", serverJar(), ...args],
    { env: { ...environmentWithoutSignetSettings(), ...env }, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Starts Signet and returns {origin, apiUrl, secretKey, encryptionKey, databaseUrl, output, stop}. `backend` is
 * "sqlite" (a file in a temp dir) or "postgresql" (a fresh database, dropped by stop()). `extraEnv` adds or overrides
 * SIGNET_* settings (e.g. SIGNET_DEV_DELIVERY). The server's output is kept: `output()` returns it so
 * far, and it is printed only if start-up fails, so passing runs stay quiet.
 */
export async function startSignet(extraEnv = {}, backend = "sqlite") {
  const dataDir = mkdtempSync(join(tmpdir(), "signet-compat-"));
  const postgres = backend === "postgresql" ? freshPostgres() : undefined;
  const env = {
    ...environmentWithoutSignetSettings(),
    SIGNET_HOST: "127.0.0.1",
    SIGNET_PORT: "0",
    SIGNET_DATABASE_URL: postgres?.url ?? `jdbc:sqlite:${join(dataDir, "signet.db")}`,
    SIGNET_SECRET_KEY: SECRET_KEY,
    SIGNET_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SIGNET_LOG_LEVEL: "WARN",
    ...extraEnv,
  };
  const child = spawn(javaBinary(), [...JVM_FLAGS, "-jar", serverJar(), "serve"],
    { env, stdio: ["ignore", "pipe", "pipe"] });
  const output = [];
  child.stdout.on("data", (chunk) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk) => output.push(chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    postgres?.drop();
  };
  try {
    const origin = await waitForListening(child, output);
    await waitForHealth(origin);
    return {
      origin, apiUrl: `${origin}/v1`, secretKey: SECRET_KEY, encryptionKey: env.SIGNET_ENCRYPTION_KEY,
      databaseUrl: env.SIGNET_DATABASE_URL, output: () => output.join(""), stop,
    };
  } catch (error) {
    await stop(); // a server that failed to start must not outlive the test run, nor its data dir
    throw error;
  }
}
