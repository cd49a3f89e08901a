// The hosted challenge page: an app page on http://localhost calls the official SDK's
// launch(url, {mode}) with the url track returned, the test completes the challenge inside Signet's page
// as a person would (labels and buttons, codes from the dev delivery, the CDP virtual authenticator for
// passkeys), and the token the app receives must pass the official @authsignal/node validateChallenge
// with the right verificationMethod. Every screen is photographed into e2e/screenshots/ (git-ignored).
// Email codes and links are read from GreenMail, SMS codes from the dev delivery. Every mode with every
// method: hosted-page-modes.test.mjs; enrolment of email and SMS, WhatsApp: hosted-page-methods.test.mjs;
// what popup and window mode tell the app, and to whom: hosted-page-embedding.test.mjs; the page without
// JavaScript: hosted-page-forms.test.mjs.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { admin, assertAuthsignalError, newUserId } from "../support/fixture.mjs";
import { addAuthenticator, openPage } from "../support/browser.mjs";
import { agedToken } from "../support/action-tokens.mjs";
import { confirmMagicLink } from "../support/dev-delivery.mjs";
import { totp } from "../support/totp.mjs";
import { ACTION, SCREEN_BACKENDS, framed, hostedPageSuite, launchIn, launchRedirect, returnedToken, submitCode,
  wrongCode } from "../support/hosted-page.mjs";

/**
 * Presses Tab until the focused control's accessible name (a button's text, a field's label) is `name`, then
 * checks that its focus ring shows (an outline of at least 2 px).
 */
async function tabTo(page, name) {
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      const style = getComputedStyle(e);
      return { name: (e.labels?.[0] ?? e).innerText.trim(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (focused.name === name) {
      assert.ok(focused.outline !== "none" && focused.width >= 2, `no visible focus on "${name}": ${JSON.stringify(focused)}`);
      return;
    }
  }
  assert.fail(`Tab never reached "${name}"`);
}

const hosted = await hostedPageSuite("hosted-page", {}, { greenMail: true });
const { chromium, photograph, track, assertValidated, enrolledUser, mail } = hosted;

for (const backend of SCREEN_BACKENDS) {
  describe(`the hosted challenge page (${backend})`, () => {
    const suite = hosted.start(backend);

    it("redirect mode: a wrong email code, then the right one, returns to redirectUrl with a valid token", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_OTP");
      const session = await openPage(chromium.browser, suite);
      try {
        const app = suite.pages.main.origin;
        const { url } = await track(userId, { redirectUrl: `${app}/?from=app` });
        // Only the redirectUrl track validated and stored is followed, never one added to the page's address.
        await launchRedirect(session, `${url}&redirectUrl=${encodeURIComponent(suite.pages.outsider.origin + "/")}`);
        const page = session.page;
        await page.getByText("Acme Bank").waitFor();
        await photograph(page, "choose");

        await page.getByRole("button", { name: "Code by email" }).click();
        await page.getByLabel("Verification code").waitFor();
        await photograph(page, "email-otp");
        const code = await mail.codeSentTo(email);
        await submitCode(page, wrongCode(code));
        await page.getByRole("alert").filter({ hasText: "not right" }).waitFor();
        assert.equal(await page.getByLabel("Verification code").getAttribute("aria-invalid"), "true");
        await photograph(page, "email-otp-wrong-code");

        await submitCode(page, code);
        await assertValidated(await returnedToken(session.page, app), userId, "EMAIL_OTP");
      } finally {
        await session.close();
      }
    });

    it("redirect mode: five wrong codes lock the challenge, the action fails and the page stays", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_OTP");
      const session = await openPage(chromium.browser, suite);
      try {
        const app = suite.pages.main.origin;
        const { url, idempotencyKey } = await track(userId, { redirectUrl: `${app}/?from=app` });
        await launchRedirect(session, url);
        const page = session.page;
        await page.getByRole("button", { name: "Code by email" }).click();
        const code = await mail.codeSentTo(email);
        for (let attempt = 1; attempt <= 5; attempt++) {
          const answered = page.waitForResponse((r) => r.url().includes("/client/verify/"));
          await submitCode(page, wrongCode(code));
          assert.equal((await (await answered).json()).failureReason,
            attempt < 5 ? "CODE_INVALID_OR_EXPIRED" : "MAX_ATTEMPTS_EXCEEDED");
        }
        await page.getByRole("alert").filter({ hasText: "Too many wrong codes" }).waitFor();
        await photograph(page, "email-otp-locked");
        const afterwards = page.waitForResponse((r) => r.url().includes("/client/verify/"));
        await submitCode(page, code);
        assert.equal((await (await afterwards).json()).failureReason, "MAX_ATTEMPTS_EXCEEDED", "the right code is too late");
        assert.equal(new URL(page.url()).pathname, "/ui", "the page never returned to the app");
        const action = await suite.authsignal.getAction({ userId, action: ACTION, idempotencyKey });
        assert.equal(action.state, "CHALLENGE_FAILED");

        // The same link opened again: the used page, no method that could never succeed.
        const reloaded = await page.reload();
        assert.equal(reloaded.status(), 410);
        await page.getByRole("heading", { name: "This link has already been used" }).waitFor();
        assert.equal(await page.getByRole("button").count(), 0);
        await photograph(page, "used");
      } finally {
        await session.close();
      }
    });

    it("redirect mode from the keyboard alone, in the dark theme: focus always visible, a wrong code announced, then the right one", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_OTP");
      const session = await openPage(chromium.browser, suite);
      try {
        const app = suite.pages.main.origin;
        await session.page.emulateMedia({ colorScheme: "dark" });
        await launchRedirect(session, (await track(userId, { redirectUrl: `${app}/?from=app` })).url);
        const page = session.page;
        const background = await page.evaluate(() => getComputedStyle(document.querySelector(".card")).backgroundColor);
        assert.ok(background.match(/\d+/g).slice(0, 3).map(Number).every((c) => c < 80), `a dark card: ${background}`);
        await tabTo(page, "Code by email");
        await photograph(page, "choose-dark-keyboard");
        await page.keyboard.press("Enter");
        await page.getByLabel("Verification code").waitFor();
        await tabTo(page, "Verification code");
        const code = await mail.codeSentTo(email);
        await page.keyboard.type(wrongCode(code));
        await page.keyboard.press("Enter");
        // Announced: the text lands in the page's role="alert" live region, and focus is back on the field.
        await page.getByRole("alert").filter({ hasText: "not right" }).waitFor();
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-invalid")), "true");
        await page.keyboard.type(code); // the field's text is selected: typing replaces it
        await page.keyboard.press("Enter");
        await assertValidated(await returnedToken(page, app), userId, "EMAIL_OTP");
      } finally {
        await session.close();
      }
    });

    it("track refuses a redirectUrl that is not an absolute http(s) URL, so there is no page to follow it", async () => {
      const userId = newUserId();
      for (const redirectUrl of ["javascript:alert(document.domain)", "data:text/html,hi", "/relative", "ftp://example.com/"]) {
        await assertAuthsignalError(track(userId, { redirectUrl }), 400, "invalid_request", /redirectUrl/);
      }
      assert.deepEqual(await suite.authsignal.queryUserActions({ userId }), [], "no action was created");
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
        const [download] = await Promise.all([page.waitForEvent("download"),
          page.getByRole("button", { name: "Download" }).click()]);
        assert.equal(download.suggestedFilename(), "recovery-codes.txt");
        assert.deepEqual(readFileSync(await download.path(), "utf8").trim().split(/\s+/), codes);
        await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
        await page.getByRole("button", { name: "Copy codes" }).click();
        await page.getByRole("status").filter({ hasText: "Codes copied." }).waitFor();
        assert.deepEqual((await page.evaluate(() => navigator.clipboard.readText())).trim().split(/\s+/), codes);
        await page.getByRole("button", { name: "I have saved them" }).click();
        await assertValidated(await returnedToken(session.page, app), userId, "AUTHENTICATOR_APP");
        const apps = (await suite.authsignal.getAuthenticators({ userId })).filter((a) => a.verificationMethod === "AUTHENTICATOR_APP");
        assert.equal(apps.length, 1, "the enrolment is verified and listed");
      } finally {
        await session.close();
      }
    });

    it("popup mode: a passkey created and then used inside the framed page, token by postMessage; then used in redirect and window mode", async () => {
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

        // 2. Signing in with it in redirect mode.
        const app = suite.pages.main.origin;
        await launchRedirect(session, (await track(userId, { redirectUrl: `${app}/?from=app` })).url);
        await page.getByRole("button", { name: "Passkey" }).click();
        await page.getByRole("button", { name: "Continue with passkey" }).click();
        await assertValidated(await returnedToken(session.page, app), userId, "PASSKEY");

        // 3. Then in window mode: the new window gets a copy of the tab's passkey, made after its last use
        // (a copy with an older signature counter would be refused as a clone).
        await session.newClient();
        const { scope: popup, launched } = await launchIn(session, (await track(userId)).url, "window");
        await addAuthenticator(session.context, popup, await session.credentials());
        await popup.getByRole("button", { name: "Passkey" }).click();
        await popup.getByRole("button", { name: "Continue with passkey" }).click();
        const { token } = await launched;
        assert.notEqual(token, undefined, "AUTHSIGNAL_CLOSE_POPUP carried the token");
        await assertValidated(token, userId, "PASSKEY");
      } finally {
        await session.close();
      }
    });

    it("redirect mode: an email magic link opened elsewhere completes the waiting page", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_MAGIC_LINK");
      const session = await openPage(chromium.browser, suite);
      try {
        const app = suite.pages.main.origin;
        const { url } = await track(userId, { redirectUrl: `${app}/?from=app` });
        await launchRedirect(session, url);
        await session.page.getByRole("button", { name: "Link by email" }).click();
        await session.page.getByRole("status").filter({ hasText: "Waiting for the link" }).waitFor();
        await photograph(session.page, "magic-link");
        const opened = await confirmMagicLink(await mail.linkSentTo(email));
        assert.equal(opened.status, 200);
        await assertValidated(await returnedToken(session.page, app), userId, "EMAIL_MAGIC_LINK");
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

    it("serves a clear page for an action a rule blocked, with nothing to try", async () => {
      await admin(suite.server, "POST", "/rules", { name: "block transfers", actionCode: "blockedTransfer",
        priority: 1, outcome: "BLOCK", condition: true });
      const { url, state } = await suite.authsignal.track({ userId: newUserId(), action: "blockedTransfer" });
      assert.equal(state, "BLOCK");
      const context = await chromium.browser.newContext();
      try {
        const page = await context.newPage();
        const response = await page.goto(url);
        assert.equal(response.status(), 403);
        await page.getByRole("heading", { name: "This request cannot continue" }).waitFor();
        assert.equal(await page.getByRole("button").count(), 0);
        await photograph(page, "blocked");
      } finally {
        await context.close();
      }
    });
  });
}
