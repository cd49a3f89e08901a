// The admin console's refusals in a real Chromium: a form posted with a forged CSRF field changes nothing,
// a page opened after the session ended (signed out in another tab) leads back to sign-in and its form is
// refused, a tenant's secret key opens no console page, and no other site may frame the console. The Java
// side (ConsoleSqliteIT, ConsolePostgresIT) covers the timeouts on a clock it moves.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { admin, newUserId } from "../support/fixture.mjs";
import { consoleSuite } from "../support/console.mjs";
import { totp } from "../support/totp.mjs";
import { submitCode } from "../support/hosted-page.mjs";

const c = await consoleSuite("console-security");
const OPERATOR = "security@example.com";

describe("the admin console's refusals", () => {
  const suite = c.start();
  let browser;
  let userId;

  before(async () => {
    browser = await c.browse();
    await c.enrol(browser.page, c.createOperator(OPERATOR).enrollmentUrl);
    userId = newUserId();
    await suite.authsignal.enrollVerifiedAuthenticator({ userId,
      attributes: { verificationMethod: "SMS", phoneNumber: "+64271112222" } });
  });
  after(() => browser?.close());

  it("refuses a form whose CSRF field was tampered with, and deletes nothing", async () => {
    const { page } = browser;
    await page.goto(c.origin() + "/console/users/" + encodeURIComponent(userId));
    await page.locator("input[name=csrf]").first().waitFor({ state: "attached" });
    await page.evaluate(() => document.querySelectorAll("input[name=csrf]").forEach((i) => { i.value = "f".repeat(64); }));
    const row = page.locator("tbody tr").filter({ hasText: "SMS" });
    await row.getByLabel("Reason").fill("forged");
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByText("This form is stale or did not come from the console").waitFor();
    await c.photograph(page, "console-csrf-refused");
    assert.equal((await suite.authsignal.getAuthenticators({ userId })).length, 1);
  });

  it("a page left open after its session ended refuses its form and leads back to sign-in", async () => {
    const { page, context } = browser;
    await page.goto(c.origin() + "/console/users/" + encodeURIComponent(userId));
    const other = await context.newPage();
    await other.goto(c.origin() + "/console/users");
    await c.signOut(other);
    await other.close();

    const row = page.locator("tbody tr").filter({ hasText: "SMS" });
    await row.getByLabel("Reason").fill("too late");
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByText("Your session ended. Sign in again.").waitFor();
    await c.photograph(page, "console-session-ended");
    assert.equal((await suite.authsignal.getAuthenticators({ userId })).length, 1);
    await page.goto(c.origin() + "/console/rules");
    assert.equal(new URL(page.url()).pathname, "/console/sign-in");
  });

  it("the fallback: an operator without passkeys enrols an authenticator app and signs in with its code", async () => {
    const { enrollmentUrl } = c.createOperator("no-passkey@example.com");
    const app = await c.browse();
    try {
      const { page } = app;
      await page.goto(enrollmentUrl);
      await page.getByRole("button", { name: "Set up my sign-in" }).click();
      await page.getByRole("button", { name: "Use an authenticator app" }).click();
      const secret = (await page.locator("p.secret").innerText()).replaceAll(" ", "");
      await c.photograph(page, "console-enroll-authenticator-app");
      await submitCode(page, totp(secret));
      await page.waitForURL((u) => u.pathname === "/console/users");
      await c.signOut(page);

      await page.getByLabel("Email").fill("no-passkey@example.com");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL((u) => u.pathname === "/ui");
      await page.getByRole("button", { name: "Authenticator app", exact: true }).click();
      // The code of the next 30-second step: the enrolment's own code may not be used twice.
      await submitCode(page, totp(secret, Date.now() + 30_000));
      await page.waitForURL((u) => u.pathname === "/console/users");
    } finally {
      await app.close();
    }
  });

  it("a tenant's secret key opens no console page, and no site may frame the console", async () => {
    const answer = await fetch(c.origin() + "/console/users", { redirect: "manual",
      headers: { Authorization: "Basic " + Buffer.from(`${suite.server.secretKey}:`).toString("base64") } });
    assert.equal(answer.status, 303);
    assert.match(answer.headers.get("location"), /^\/console\/sign-in/);
    const signIn = await fetch(c.origin() + "/console/sign-in");
    assert.match(signIn.headers.get("content-security-policy"), /frame-ancestors 'none'/);
    assert.doesNotMatch(signIn.headers.get("content-security-policy"), /unsafe-inline/);
    assert.equal(signIn.headers.get("x-frame-options"), "DENY");
    await admin(suite.server, "GET", "/settings"); // the key itself still works where it belongs
  });
});
