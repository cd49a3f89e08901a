// Shared by the hosted-page browser suites: a Signet reached as http://localhost:PORT with dev
// delivery and the tenant's branding, an app page on another localhost port that calls the official SDK's
// launch(url, {mode}), and helpers to complete a challenge inside Signet's page as a person would. Every
// screen photographed is scanned with axe-core first; the scans go next to the screenshots.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { admin, newUserId } from "./fixture.mjs";
import { useBrowser, useBrowserSignet } from "./browser.mjs";
import { DEV_DELIVERY } from "./dev-delivery.mjs";
import { assertAccessible } from "./axe.mjs";
import { useGreenMail } from "./greenmail.mjs";

// e2e/screenshots/ at the top of the repository (git-ignored), beside any other browser run's screens.
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "e2e", "screenshots");
export const ACTION = "signIn";

/**
 * The databases the hosted-page files other than the mode x method matrix run on: SQLite alone. What the page
 * stores goes through the Client API's service, which HostedPage*IT and HostedForms*IT prove on PostgreSQL (as do
 * the Client API's own browser files), and the matrix runs on both; the screens again on PostgreSQL cost about a
 * minute of a two-core CI run without reaching another line of storage code.
 */
export const SCREEN_BACKENDS = ["sqlite"];
/** photograph()'s scope for a tab with JavaScript off: axe then scans a copy of the tab (see scanCopy). */
export const WITHOUT_SCRIPT = Symbol("without script");

/**
 * A free port: the page must be reached as http://localhost:PORT (WebAuthn refuses an IP origin), so the port is
 * chosen before the server starts. It is drawn below Linux's ephemeral range (32768-60999), where no outgoing
 * connection or port-0 listener of the busy test run can take it between this check and the server's bind.
 */
async function freePort() {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    const server = createServer();
    const bound = await new Promise((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (bound) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

/**
 * Registers the hooks of one hosted-page test file and returns its helpers. `report` names the axe summary
 * written into the screenshots directory; `extraEnv` adds SIGNET_* settings (the console's suite lets webhooks
 * reach its local receiver); with `greenMail` Signet sends its email to GreenMail, and `h.mail` reads the
 * codes and links from the mailbox there (SMS and WhatsApp stay on the dev delivery).
 */
export async function hostedPageSuite(report, extraEnv = {}, { greenMail = false } = {}) {
  const chromium = useBrowser();
  const mail = greenMail ? useGreenMail() : undefined;
  /** What axe found on each screen photographed, written next to the screenshots for review. */
  const scans = [];
  const h = { chromium, scans, mail };
  let starts = 0;
  /**
   * Call inside a describe(): a Signet on `backend` reached as http://localhost:PORT, the page servers and the
   * tenant's branding. A file may call it once per backend, each in its own describe: the helpers below use
   * the Signet of the describe running now, and only the first describe photographs (and scans) its screens,
   * which are the same on either database.
   */
  h.start = (backend = "sqlite") => {
    const first = starts++ === 0;
    let port;
    before(async () => {
      port = await freePort();
    });
    const suite = useBrowserSignet(backend, () => ({
      ...DEV_DELIVERY, ...mail?.env(), SIGNET_PORT: String(port), SIGNET_PUBLIC_URL: `http://localhost:${port}`,
      ...extraEnv,
    }));
    before(async () => {
      h.suite = suite;
      h.photographing = first;
      mkdirSync(SCREENSHOTS, { recursive: true });
      await admin(suite.server, "PATCH", "/branding", { displayName: "Acme Bank", primaryColor: "#0f766e" });
    });
    after(() => writeFileSync(join(SCREENSHOTS, `axe-${report}.json`), JSON.stringify(scans, null, 2)));
    h.suite = suite;
    return suite;
  };

  /**
   * A screenshot at desktop width and at 375 px of whatever `page` shows now, after an axe scan of the
   * hosted page in it (`scope`: the page itself, or the frame of {@link framed}) that must find nothing
   * serious or critical; then, at 320 px, the hosted page must not scroll sideways (nothing cut off).
   */
  h.photograph = async (page, name, scope = page) => {
    if (!h.photographing) return;
    await page.waitForTimeout(150); // let the focus ring and the status line settle
    const scanned = scope === WITHOUT_SCRIPT ? await scanCopy(page, name) : await assertAccessible(scope, name);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const size = page.viewportSize();
    await page.setViewportSize({ width: 375, height: 720 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-375.png`), fullPage: true });
    await page.setViewportSize({ width: 320, height: 720 });
    await page.waitForTimeout(50);
    const overflow = await (scope === WITHOUT_SCRIPT ? page : scope).evaluate(() => {
      const width = document.documentElement.clientWidth;
      const beyond = [...document.body.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > width + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className?.baseVal ?? e.className}`);
      return { by: document.documentElement.scrollWidth - width, beyond };
    });
    assert.ok(overflow.by <= 0, `the "${name}" screen scrolls sideways by ${overflow.by} px at 320 px wide: `
      + overflow.beyond.join(", "));
    await page.setViewportSize(size);
    scans.push({ ...scanned, screenshot: `e2e/screenshots/${name}.png`, sidewaysScrollAt320: false });
  };

  /**
   * axe runs as a script, which a tab with JavaScript off cannot run: it scans a copy of what the tab shows
   * (its HTML, the page's own script tags taken out) served at the same address in a tab of its own, so
   * the style sheet and everything else axe judges are the same.
   */
  async function scanCopy(page, name) {
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    const context = await chromium.browser.newContext({ viewport: page.viewportSize() });
    try {
      const copy = await context.newPage();
      await copy.route(page.url(), (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
      await copy.goto(page.url());
      return await assertAccessible(copy, name);
    } finally {
      await context.close();
    }
  }

  h.track = (userId, attributes = {}) => h.suite.authsignal.track({ userId, action: ACTION, attributes });

  h.assertValidated = async (token, userId, verificationMethod) => {
    const validated = await h.suite.authsignal.validateChallenge({ token });
    assert.equal(validated.isValid, true, JSON.stringify(validated));
    assert.equal(validated.state, "CHALLENGE_SUCCEEDED");
    assert.equal(validated.userId, userId);
    assert.equal(validated.action, ACTION);
    assert.equal(validated.verificationMethod, verificationMethod);
  };

  /** A new user with a verified EMAIL_OTP, SMS, WHATSAPP or EMAIL_MAGIC_LINK authenticator at a contact of its own. */
  h.enrolledUser = async (verificationMethod) => {
    const userId = newUserId();
    const phone = verificationMethod === "SMS" || verificationMethod === "WHATSAPP";
    const contact = phone ? randomPhone() : `${userId}@example.com`;
    const attributes = phone ? { phoneNumber: contact } : { email: contact };
    await h.suite.authsignal.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod, ...attributes } });
    return { userId, contact };
  };
  return h;
}

/** A New Zealand mobile number no other test uses. */
export function randomPhone() {
  return "+6427" + String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
}

/** A base32 secret of 160 random bits, as an authenticator app keeps it. */
export function randomTotpSecret() {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return [...randomBytes(32)].map((b) => alphabet[b % 32]).join("");
}

/** The hosted page framed by launch(url, {mode: "popup"}) inside `page`. */
export function framed(page) {
  return page.frame({ name: "authsignal" });
}

/** Redirect mode: launch() navigates the tab to the page; resolves when the page has loaded. */
export async function launchRedirect(session, url) {
  await Promise.all([
    session.page.waitForURL((u) => u.pathname === "/ui"),
    session.evaluate((url) => window.client.launch(url), url),
  ]);
  await session.page.getByRole("heading").first().waitFor();
}

/** The token the page sent the tab back with: redirectUrl + ?token=… (then any query of its own). */
export async function returnedToken(page, appOrigin) {
  await page.waitForURL((u) => u.origin === appOrigin && u.searchParams.has("token"));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("from"), "app", "the tracked redirectUrl's own query is kept");
  return url.searchParams.get("token");
}

/**
 * Popup or window mode: launch(url, {mode}) from the app page. Resolves with `scope` (the framed page's
 * FrameLocator, or the new window's Page: both answer getByRole/getByLabel) and `launched`, launch()'s
 * promise as the app sees it.
 */
export async function launchIn(session, url, mode) {
  if (mode === "popup") {
    return { scope: session.page.frameLocator('iframe[name="authsignal"]'),
      launched: pending(session.evaluate((url) => window.client.launch(url, { mode: "popup" }), url)) };
  }
  const [popup] = await Promise.all([
    session.context.waitForEvent("page"),
    session.evaluate((url) => { window.launched = window.client.launch(url, { mode: "window" }); }, url),
  ]);
  return { scope: popup, launched: pending(session.evaluate(() => window.launched)) };
}

/** `promise`, marked handled: a test that never awaits it (launch() that must not resolve) closes its page. */
function pending(promise) {
  promise.catch(() => {});
  return promise;
}

/** Types `code` into the page's code form and submits it. */
export async function submitCode(scope, code, label = "Verification code") {
  await scope.getByLabel(label).fill(code);
  await scope.getByRole("button", { name: "Verify" }).click();
}

/** A code other than `code`, so certainly wrong. */
export function wrongCode(code) {
  return code === "000000" ? "111111" : "000000";
}
