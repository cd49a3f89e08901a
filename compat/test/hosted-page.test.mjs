// The hosted challenge page (issue 16): an app page on http://localhost calls the official SDK's
// launch(url, {mode}) with the url track returned, the test completes the challenge inside Signet's page
// as a person would (labels and buttons, codes from the dev delivery, the CDP virtual authenticator for
// passkeys), and the token the app receives must pass the official @authsignal/node validateChallenge
// with the right verificationMethod. Every screen is photographed into compat/screenshots/ (git-ignored).
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { admin, newUserId } from "../support/fixture.mjs";
import { openPage, useBrowser, useBrowserSignet } from "../support/browser.mjs";
import { agedToken } from "../support/action-tokens.mjs";
import { codeSentTo, DEV_DELIVERY, linkSentTo } from "../support/dev-delivery.mjs";
import { totp } from "../support/totp.mjs";
import { assertAccessible } from "../support/axe.mjs";

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
const ACTION = "signIn";

/** A free port: the page must be reached as http://localhost:PORT (WebAuthn refuses an IP origin). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = await freePort();
const chromium = useBrowser();
let suite;

/** What axe found on each screen photographed, written next to the screenshots for review. */
const scans = [];

/** The hosted page framed by launch(url, {mode: "popup"}) inside `page`. */
function framed(page) {
  return page.frame({ name: "authsignal" });
}

/**
 * A screenshot at desktop width and at 375 px of whatever `page` shows now, after an axe scan of the
 * hosted page in it (`scope`: the page itself, or the frame of {@link framed}) that must find nothing
 * serious or critical.
 */
async function photograph(page, name, scope = page) {
  await page.waitForTimeout(150); // let the focus ring and the status line settle
  scans.push({ ...(await assertAccessible(scope, name)), screenshot: `compat/screenshots/${name}.png` });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 720 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-375.png`), fullPage: true });
  await page.setViewportSize(size);
}

async function track(userId, attributes = {}) {
  return suite.authsignal.track({ userId, action: ACTION, attributes });
}

async function assertValidated(token, userId, verificationMethod) {
  const validated = await suite.authsignal.validateChallenge({ token });
  assert.equal(validated.isValid, true, JSON.stringify(validated));
  assert.equal(validated.state, "CHALLENGE_SUCCEEDED");
  assert.equal(validated.userId, userId);
  assert.equal(validated.action, ACTION);
  assert.equal(validated.verificationMethod, verificationMethod);
}

/** Redirect mode: launch() navigates the tab to the page; resolves when the page has loaded. */
async function launchRedirect(session, url) {
  await Promise.all([
    session.page.waitForURL((u) => u.pathname === "/ui"),
    session.evaluate((url) => window.client.launch(url), url),
  ]);
  await session.page.getByRole("heading").first().waitFor();
}

/** The token the page sent the tab back with: redirectUrl + ?token=… (then any query of its own). */
async function returnedToken(session, appOrigin) {
  await session.page.waitForURL((u) => u.origin === appOrigin && u.searchParams.has("token"));
  const url = new URL(session.page.url());
  assert.equal(url.searchParams.get("from"), "app", "the tracked redirectUrl's own query is kept");
  return url.searchParams.get("token");
}

describe("the hosted challenge page", () => {
  suite = useBrowserSignet("sqlite", {
    ...DEV_DELIVERY, SIGNET_PORT: String(port), SIGNET_PUBLIC_URL: `http://localhost:${port}`,
  });
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await admin(suite.server, "PATCH", "/branding", { displayName: "Acme Bank", primaryColor: "#0f766e" });
  });
  after(() => writeFileSync(join(SCREENSHOTS, "axe.json"), JSON.stringify(scans, null, 2)));

  it("redirect mode: a wrong email code, then the right one, returns to redirectUrl with a valid token", async () => {
    const userId = newUserId();
    const email = `${userId}@example.com`;
    await suite.authsignal.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: "EMAIL_OTP", email } });
    const session = await openPage(chromium.browser, suite);
    try {
      const app = suite.pages.main.origin;
      const { url } = await track(userId, { redirectUrl: `${app}/?from=app` });
      await launchRedirect(session, url);
      const page = session.page;
      await page.getByText("Acme Bank").waitFor();
      await photograph(page, "choose");

      await page.getByRole("button", { name: "Code by email" }).click();
      await page.getByLabel("Verification code").waitFor();
      await photograph(page, "email-otp");
      const code = await codeSentTo(suite.server, email);
      await page.getByLabel("Verification code").fill(code === "000000" ? "111111" : "000000");
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByRole("alert").filter({ hasText: "not right" }).waitFor();
      assert.equal(await page.getByLabel("Verification code").getAttribute("aria-invalid"), "true");
      await photograph(page, "email-otp-wrong-code");

      await page.getByLabel("Verification code").fill(code);
      await page.getByRole("button", { name: "Verify" }).click();
      await assertValidated(await returnedToken(session, app), userId, "EMAIL_OTP");
    } finally {
      await session.close();
    }
  });

  it("redirect mode: a user without a method enrols an authenticator app from the server-drawn QR code", async () => {
    const userId = newUserId();
    const session = await openPage(chromium.browser, suite);
    try {
      const app = suite.pages.main.origin;
      const { url } = await track(userId, { redirectUrl: `${app}/?from=app` });
      await launchRedirect(session, url);
      const page = session.page;
      await photograph(page, "enrol");

      await page.getByRole("button", { name: "Use an authenticator app" }).click();
      await page.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
      await photograph(page, "enrol-authenticator-app");
      const secret = (await page.locator(".secret").innerText()).replace(/\s+/g, "");
      await page.getByLabel("Verification code").fill(totp(secret));
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
      const codes = await page.getByRole("list", { name: "Save your recovery codes" }).getByRole("listitem").allInnerTexts();
      assert.equal(codes.length, 10, "the first enrolment shows the user's new recovery codes once");
      await photograph(page, "recovery-codes");
      await page.getByRole("button", { name: "I have saved them" }).click();
      await assertValidated(await returnedToken(session, app), userId, "AUTHENTICATOR_APP");
      const apps = (await suite.authsignal.getAuthenticators({ userId })).filter((a) => a.verificationMethod === "AUTHENTICATOR_APP");
      assert.equal(apps.length, 1, "the enrolment is verified and listed");
    } finally {
      await session.close();
    }
  });

  it("popup mode: a passkey created and then used inside the framed page, token by postMessage", async () => {
    const userId = newUserId();
    const session = await openPage(chromium.browser, suite);
    try {
      const page = session.page;
      // 1. No method yet: the framed page offers enrolment; a passkey is created in the iframe.
      const first = await track(userId);
      const enrolled = page.evaluate((url) => window.client.launch(url, { mode: "popup" }), first.url);
      const frame = page.frameLocator('iframe[name="authsignal"]');
      await frame.getByRole("button", { name: "Create a passkey" }).click();
      await frame.getByRole("heading", { name: "Create a passkey" }).waitFor();
      await photograph(page, "popup-enrol-passkey", framed(page));
      await frame.getByRole("button", { name: "Create a passkey" }).click();
      await frame.getByRole("button", { name: "I have saved them" }).click();
      const { token: enrolToken } = await enrolled;
      await assertValidated(enrolToken, userId, "PASSKEY");
      assert.equal((await session.credentials()).length, 1);

      // 2. Signing in: the default method, passkey, in the popup again.
      const second = await track(userId);
      const signedIn = page.evaluate((url) => window.client.launch(url, { mode: "popup" }), second.url);
      await frame.getByRole("button", { name: "Passkey" }).click();
      await photograph(page, "popup-passkey", framed(page));
      await frame.getByRole("button", { name: "Continue with passkey" }).click();
      const { token } = await signedIn;
      assert.notEqual(token, undefined, "AUTHSIGNAL_CLOSE_POPUP carried the token");
      await assertValidated(token, userId, "PASSKEY");
    } finally {
      await session.close();
    }
  });

  it("window mode: a recovery code in a new window, token by postMessage to the opener", async () => {
    const userId = newUserId();
    const enrolled = await suite.authsignal.enrollVerifiedAuthenticator({
      userId, attributes: { verificationMethod: "SMS", phoneNumber: "+64271239876" },
    });
    const recoveryCode = enrolled.recoveryCodes[0];
    const session = await openPage(chromium.browser, suite);
    try {
      const { url } = await track(userId);
      const [popup] = await Promise.all([
        session.context.waitForEvent("page"),
        session.evaluate((url) => { window.launched = window.client.launch(url, { mode: "window" }); }, url),
      ]);
      await popup.getByRole("button", { name: "Use a recovery code" }).click();
      await popup.getByLabel("Recovery code").fill(recoveryCode);
      await photograph(popup, "recovery-code");
      await popup.getByRole("button", { name: "Verify" }).click();
      const { token } = await session.evaluate(() => window.launched);
      await assertValidated(token, userId, "RECOVERY_CODE");
    } finally {
      await session.close();
    }
  });

  it("popup mode: an SMS code typed into the framed page", async () => {
    const userId = newUserId();
    const phoneNumber = "+6427" + String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
    await suite.authsignal.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: "SMS", phoneNumber } });
    const session = await openPage(chromium.browser, suite);
    try {
      const { url } = await track(userId);
      const launched = session.evaluate((url) => window.client.launch(url, { mode: "popup" }), url);
      const frame = session.page.frameLocator('iframe[name="authsignal"]');
      await frame.getByRole("button", { name: "Code by text message" }).click();
      await frame.getByLabel("Verification code").fill(await codeSentTo(suite.server, phoneNumber));
      await photograph(session.page, "popup-sms", framed(session.page));
      await frame.getByRole("button", { name: "Verify" }).click();
      const { token } = await launched;
      await assertValidated(token, userId, "SMS");
    } finally {
      await session.close();
    }
  });

  it("redirect mode: an email magic link opened elsewhere completes the waiting page", async () => {
    const userId = newUserId();
    const email = `${userId}@example.com`;
    await suite.authsignal.enrollVerifiedAuthenticator({
      userId, attributes: { verificationMethod: "EMAIL_MAGIC_LINK", email },
    });
    const session = await openPage(chromium.browser, suite);
    try {
      const app = suite.pages.main.origin;
      const { url } = await track(userId, { redirectUrl: `${app}/?from=app` });
      await launchRedirect(session, url);
      await session.page.getByRole("button", { name: "Link by email" }).click();
      await session.page.getByRole("status").filter({ hasText: "Waiting for the link" }).waitFor();
      await photograph(session.page, "magic-link");
      const opened = await fetch(await linkSentTo(suite.server, email));
      assert.equal(opened.status, 200);
      await assertValidated(await returnedToken(session, app), userId, "EMAIL_MAGIC_LINK");
    } finally {
      await session.close();
    }
  });

  it("serves a clear page for an expired token, in the browser's language", async () => {
    const { url } = await track(newUserId());
    const expired = url.replace(/token=([^&]+)/, (_, token) => `token=${agedToken(suite.server, token, 1200)}`);
    const context = await chromium.browser.newContext({ locale: "de-DE" });
    try {
      const page = await context.newPage();
      const response = await page.goto(expired);
      assert.equal(response.status(), 401);
      await page.getByRole("heading", { name: "Dieser Link ist abgelaufen oder ungültig" }).waitFor();
      await photograph(page, "expired-de");
    } finally {
      await context.close();
    }
  });
});
