// Which databases a compat file runs against: PostgreSQL whenever SIGNET_TEST_POSTGRES_URL names a server, and
// with SIGNET_TEST_REQUIRE_POSTGRES=true (as .ci/run sets it) a missing URL fails the file instead of quietly
// running SQLite alone. Each test file runs in a process of its own, so changing the environment here is local.
import { test } from "node:test";
import assert from "node:assert/strict";
import { backends } from "../support/signet-server.mjs";

function withEnv(changes, run) {
  const saved = Object.fromEntries(Object.keys(changes).map((k) => [k, process.env[k]]));
  const apply = (values) => Object.entries(values).forEach(([k, v]) => {
    if (v === undefined) {
      delete process.env[k];
    } else {
      process.env[k] = v;
    }
  });
  apply(changes);
  try {
    return run();
  } finally {
    apply(saved);
  }
}

const URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

test("both databases when a PostgreSQL URL is given, required or not", () => {
  for (const required of [undefined, "true"]) {
    withEnv({ SIGNET_TEST_POSTGRES_URL: URL, SIGNET_TEST_REQUIRE_POSTGRES: required },
      () => assert.deepEqual(backends(), ["sqlite", "postgresql"]));
  }
});

test("SQLite alone without a URL when PostgreSQL is not required", () => {
  withEnv({ SIGNET_TEST_POSTGRES_URL: undefined, SIGNET_TEST_REQUIRE_POSTGRES: undefined },
    () => assert.deepEqual(backends(), ["sqlite"]));
});

test("a missing URL fails when CI requires PostgreSQL", () => {
  withEnv({ SIGNET_TEST_POSTGRES_URL: undefined, SIGNET_TEST_REQUIRE_POSTGRES: "true" },
    () => assert.throws(() => backends(), /SIGNET_TEST_REQUIRE_POSTGRES=true but SIGNET_TEST_POSTGRES_URL is not set/));
});
