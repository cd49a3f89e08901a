// The admin console in a real Chromium, as support staff use it: an operator enrolled with the link
// ./signet console-admin create printed (a passkey on the CDP virtual authenticator, set up on the hosted
// page), signed in again with that passkey, finds a user, deletes one authenticator with a reason and is
// refused the last one (protectLastAuthenticator), dry-runs a rule against a recorded action, redelivers a
// webhook, looks at tenants and the audit log, and signs out. Every page is scanned with axe-core (nothing
// serious or critical) and photographed at desktop width and 375 px into e2e/screenshots/console-*.png.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { admin, newUserId } from "../support/fixture.mjs";
import { consoleSuite } from "../support/console.mjs";
import { startWebhookReceiver } from "../support/webhook-receiver.mjs";
import { eventually } from "../support/eventually.mjs";

const c = await consoleSuite("console", { SIGNET_WEBHOOK_ALLOW_PRIVATE: "true" });
const OPERATOR = "ops@example.com";

describe("the admin console", () => {
  const suite = c.start();
  let receiver;
  let browser;

  before(async () => {
    await admin(suite.server, "PATCH", "/settings", { protectLastAuthenticator: true });
    receiver = await startWebhookReceiver();
    await admin(suite.server, "POST", "/webhooks", { url: receiver.url, eventTypes: ["authenticator.created"] });
  });
  after(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it("enrols an operator with the one-time link, and the link then works no more", async () => {
    const { enrollmentUrl } = c.createOperator(OPERATOR);
    browser = await c.browse();
    await c.enrol(browser.page, enrollmentUrl, true);
    await browser.page.getByRole("heading", { name: "Users" }).waitFor();

    const other = await c.browse();
    try {
      await other.page.goto(enrollmentUrl);
      await other.page.getByRole("button", { name: "Set up my sign-in" }).click();
      await other.page.getByText("already used or expired").waitFor();
      await c.photograph(other.page, "console-enroll-used");
    } finally {
      await other.close();
    }
  });

  it("signs out, then signs in again with the passkey through the hosted page", async () => {
    const { page } = browser;
    await c.signOut(page);
    await c.signIn(page, OPERATOR, true);
    const cookie = (await browser.context.cookies()).find((k) => k.name === "signet_console");
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Strict");
    assert.equal(cookie.path, "/console");
  });

  it("finds a user, deletes one authenticator with a reason and is refused the last one", async () => {
    const { page } = browser;
    const userId = newUserId();
    const email = `${userId}@example.com`;
    await suite.authsignal.updateUser({ userId, attributes: { email } });
    await suite.authsignal.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: "EMAIL_OTP", email } });
    await suite.authsignal.enrollVerifiedAuthenticator({ userId,
      attributes: { verificationMethod: "SMS", phoneNumber: "+64271234567" } });
    await page.goto(c.origin() + "/console/users");
    await c.photograph(page, "console-users");
    await page.getByLabel("Search by").selectOption("email");
    await page.getByLabel("Search for").fill(email);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: userId }).click();
    await page.getByRole("heading", { name: `User ${userId}` }).waitFor();
    await c.photograph(page, "console-user");

    const rows = page.locator("table").filter({ hasText: "Authenticators" }).locator("tbody tr");
    await rows.filter({ hasText: "SMS" }).getByLabel("Reason").fill("Lost phone, ticket 4711");
    await rows.filter({ hasText: "SMS" }).getByRole("button", { name: "Delete" }).click();
    await page.getByText("The authenticator was deleted.").waitFor();
    assert.equal(await rows.count(), 1);

    await rows.first().getByLabel("Reason").fill("Trying the last one");
    await rows.first().getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alert").filter({ hasText: "last authenticator" }).waitFor();
    await c.photograph(page, "console-refused-last-authenticator");
    const left = await suite.authsignal.getAuthenticators({ userId });
    assert.deepEqual(left.map((a) => a.verificationMethod), ["EMAIL_OTP"]);
  });

  it("deletes a user only after their id is typed, with a reason", async () => {
    const { page } = browser;
    const userId = newUserId();
    await suite.authsignal.updateUser({ userId, attributes: { email: `${userId}@example.com` } });
    await page.goto(c.origin() + "/console/users/" + encodeURIComponent(userId));
    const deleteUser = page.getByRole("button", { name: "Delete user" });
    assert.equal(await deleteUser.isDisabled(), true, "the module keeps the button off until the id is typed");
    await page.getByLabel("Type the user id to confirm").fill(userId);
    await page.locator("#delete-reason").fill("GDPR erasure request 99");
    await deleteUser.click();
    await page.getByText("The user and everything they had were deleted.").waitFor();
    const user = await suite.authsignal.getUser({ userId });
    assert.equal(user.email, undefined, "the user is gone: getUser answers an unknown user");
  });

  it("works from the keyboard alone, with visible focus, and in the dark theme", async () => {
    const { page } = browser;
    await page.goto(c.origin() + "/console/users");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, "solid", "the focused control shows a focus ring");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.id), "main");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("nobody@example.com");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.searchParams.get("q") === "nobody@example.com");

    await page.emulateMedia({ colorScheme: "dark" });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, "rgb(13, 17, 23)");
    await c.photograph(page, "console-users-dark");
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("creates a rule, and dry-runs today's rules against a recorded action", async () => {
    const { page } = browser;
    await page.goto(c.origin() + "/console/rules");
    await page.getByLabel("Name", { exact: true }).fill("Block the bad user");
    await page.getByLabel("Action code (* for every action)").fill("signIn");
    await page.getByLabel("Outcome").selectOption("BLOCK");
    await page.getByLabel("Condition (JSONLogic)").fill('{"==": [{"var": "user.username"}, "bad"]}');
    await page.getByLabel("Reason (kept in the audit log)").fill("Fraud case 12");
    await page.getByRole("button", { name: "Create rule" }).click();
    await page.getByText("The rule was saved.").waitFor();
    await c.photograph(page, "console-rule");

    const userId = newUserId();
    await suite.authsignal.track({ userId, action: "signIn", attributes: { username: "bad" } });
    await page.goto(c.origin() + "/console/users/" + encodeURIComponent(userId));
    await page.getByRole("link", { name: "Dry-run today's rules" }).click();
    await page.getByText("Nothing was changed").waitFor();
    assert.match(await page.locator(".facts").innerText(), /BLOCK/);
    await c.photograph(page, "console-dry-run");
    await page.goto(c.origin() + "/console/rules");
    await c.photograph(page, "console-rules");
  });

  it("shows a webhook endpoint's deliveries and redelivers one", async () => {
    const { page } = browser;
    await suite.authsignal.enrollVerifiedAuthenticator({ userId: newUserId(),
      attributes: { verificationMethod: "SMS", phoneNumber: "+64277654321" } });
    await receiver.waitFor("a delivery", (body) => body.type === "authenticator.created");
    const before = receiver.deliveries.length;
    await page.goto(c.origin() + "/console/webhooks");
    await c.photograph(page, "console-webhooks");
    await page.getByRole("link", { name: receiver.url }).click();
    // The receiver has the event; Signet records the attempt as the answer comes back, so reload until it shows.
    const row = page.locator("tbody tr").filter({ hasText: "ok 200" }).first();
    await eventually("a delivered row in the log", async () => {
      if (await row.count()) return true;
      await page.reload();
      return undefined; // eventually() calls again until a value comes
    });
    await c.photograph(page, "console-deliveries");
    await row.getByLabel("Reason").fill("Receiver lost it");
    await row.getByRole("button", { name: "Redeliver" }).click();
    await page.getByText("The event was queued for delivery again.").waitFor();
    await receiver.waitFor("the redelivery", () => receiver.deliveries.length > before);
  });

  it("lists tenants with their keys and app clients, and the audit log of every console action", async () => {
    const { page } = browser;
    await page.goto(c.origin() + "/console/tenants");
    await c.photograph(page, "console-tenants");
    await page.getByRole("link", { name: "default" }).click();
    await page.getByRole("heading", { name: "Secret keys" }).waitFor();
    await c.photograph(page, "console-tenant");
    await page.goto(c.origin() + "/console/audit");
    const log = await page.locator("table").innerText();
    for (const action of ["console.signed_in", "console.signed_out", "console.authenticator.deleted",
      "console.user.deleted", "console.rule.created", "console.webhook.redelivered"]) {
      assert.match(log, new RegExp(action.replaceAll(".", "\\.")), `the audit log lists ${action}`);
    }
    assert.match(log, /Lost phone, ticket 4711/);
    assert.match(log, new RegExp(OPERATOR));
    await c.photograph(page, "console-audit");
  });

  it("signs out: the console's pages then lead to sign-in", async () => {
    const { page } = browser;
    await c.signOut(page);
    await c.photograph(page, "console-signed-out");
    await page.goto(c.origin() + "/console/users");
    assert.equal(new URL(page.url()).pathname, "/console/sign-in");
  });
});
