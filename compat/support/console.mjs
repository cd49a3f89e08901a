// Shared by the admin console's browser suites (test/console-*.test.mjs): the hosted-page harness (one
// Signet at http://localhost:PORT, Chromium, axe scans and screenshots into e2e/screenshots/) plus the steps
// an operator takes: enrol with the link ./signet console-admin create prints, sign in with the passkey
// through the hosted page, sign out.
import assert from "node:assert/strict";
import { addAuthenticator } from "./browser.mjs";
import { hostedPageSuite } from "./hosted-page.mjs";
import { signetCli } from "./signet-server.mjs";

/**
 * Registers one console test file's Signet and browser (inside its describe()) and returns the helpers:
 * `console.origin()` (the server as http://localhost:PORT) plus the hosted-page suite's `photograph`.
 */
export async function consoleSuite(report, extraEnv = {}) {
  const hosted = await hostedPageSuite(report, extraEnv);
  const c = { hosted, chromium: hosted.chromium, photograph: hosted.photograph };
  c.start = () => {
    c.suite = hosted.start();
    return c.suite;
  };
  /** The server as the browser must reach it: WebAuthn refuses an IP origin. */
  c.origin = () => c.suite.server.origin.replace("127.0.0.1", "localhost");

  /** A new operator through the CLI: resolves with {email, enrollmentUrl}. */
  c.createOperator = (email) => {
    const { server } = c.suite;
    const run = signetCli(["console-admin", "create", "--email", email, "--json"], {
      SIGNET_DATABASE_URL: server.databaseUrl, SIGNET_ENCRYPTION_KEY: server.encryptionKey,
      SIGNET_PUBLIC_URL: c.origin(),
    });
    assert.equal(run.status, 0, run.stderr);
    const created = JSON.parse(run.stdout);
    assert.equal(created.email, email);
    assert.ok(created.enrollmentUrl.startsWith(c.origin() + "/console/enroll?token="), created.enrollmentUrl);
    return created;
  };

  /** A fresh browser context with a virtual platform authenticator: resolves with {context, page, close}. */
  c.browse = async () => {
    const context = await c.chromium.browser.newContext();
    const page = await context.newPage();
    await addAuthenticator(context, page);
    return { context, page, close: () => context.close() };
  };

  /**
   * Opens the enrollment link, sets up a passkey on the hosted page and lands on the signed-in console;
   * `shots` photographs the two screens on the way.
   */
  c.enrol = async (page, enrollmentUrl, shots = false) => {
    await page.goto(enrollmentUrl);
    await page.getByRole("heading", { name: "Welcome to the Signet console" }).waitFor();
    if (shots) await c.photograph(page, "console-enroll");
    await page.getByRole("button", { name: "Set up my sign-in" }).click();
    await page.waitForURL((u) => u.pathname === "/ui");
    // The operator realm offers only the operator factors: a passkey, or an authenticator app as fallback.
    await page.getByRole("button", { name: "Create a passkey" }).waitFor();
    assert.deepEqual(await page.locator("main li button").allInnerTexts(),
      ["Create a passkey", "Use an authenticator app"]);
    if (shots) await c.photograph(page, "console-enroll-hosted-page");
    await page.getByRole("button", { name: "Create a passkey" }).click();
    await page.getByRole("button", { name: "Create a passkey" }).click(); // the passkey screen's own button
    await page.waitForURL((u) => u.pathname === "/console/users");
  };

  /** Signs in as `email` with the passkey this browser holds: the sign-in form, then the hosted page. */
  c.signIn = async (page, email, shots = false) => {
    await page.goto(c.origin() + "/console/sign-in");
    await page.getByLabel("Email").fill(email);
    if (shots) await c.photograph(page, "console-sign-in");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((u) => u.pathname === "/ui");
    // The page lists the operator's methods (a passkey), then its passkey screen runs the ceremony.
    await page.getByRole("button", { name: "Passkey", exact: true }).click();
    await page.getByRole("button", { name: "Continue with passkey" }).click();
    await page.waitForURL((u) => u.pathname === "/console/users");
  };

  c.signOut = async (page) => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/console/sign-in");
    await page.getByText("You signed out.").waitFor();
  };
  return c;
}
