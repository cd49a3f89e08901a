// The hosted challenge page without JavaScript ("degrades to plain forms for OTP codes"): a
// browser context with JavaScript disabled opens track's url, picks a code method from server-rendered
// forms, and a verified code redirects to the tracked redirectUrl with a token the official
// @authsignal/node validateChallenge accepts. Every post carries a CSRF field bound to the page's token
// and a SameSite cookie; a post without them is refused with a clear page.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codeSentTo } from "../support/dev-delivery.mjs";
import { totp } from "../support/totp.mjs";
import { SCREEN_BACKENDS, WITHOUT_SCRIPT, hostedPageSuite, randomTotpSecret, returnedToken, submitCode, wrongCode }
  from "../support/hosted-page.mjs";
import { newUserId } from "../support/fixture.mjs";

const hosted = await hostedPageSuite("hosted-page-forms", {}, { greenMail: true });
const { chromium, photograph, track, assertValidated, enrolledUser, mail } = hosted;

/** A tab with JavaScript off, opened on `url`; resolves with {page, close}. */
async function withoutScript(url) {
  const context = await chromium.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(url);
  return { page, context, response, close: () => context.close() };
}

for (const backend of SCREEN_BACKENDS) {
  describe(`the hosted challenge page without JavaScript (${backend})`, () => {
    const suite = hosted.start(backend);

    it("redirect mode: a wrong email code, then the right one, returns to redirectUrl with a valid token", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_OTP");
      const app = suite.pages.main.origin;
      const { url } = await track(userId, { redirectUrl: `${app}/?from=app` });
      const tab = await withoutScript(url);
      try {
        const page = tab.page;
        assert.equal(tab.response.status(), 200);
        assert.doesNotMatch(tab.response.headers()["content-security-policy"], /unsafe-inline|unsafe-eval/);
        await page.getByText("Passkeys, sign-in links and setting up a new way to verify need JavaScript.").waitFor();
        await page.getByText("Acme Bank").waitFor();
        await photograph(page, "nojs-choose", WITHOUT_SCRIPT);

        await page.getByRole("button", { name: "Code by email" }).click();
        await page.getByRole("heading", { name: "Check your email" }).waitFor();
        assert.equal(new URL(page.url()).search, "", "after the first post the token is no longer in the address");
        await photograph(page, "nojs-email-otp", WITHOUT_SCRIPT);
        const code = await mail.codeSentTo(email);
        await submitCode(page, wrongCode(code));
        await page.getByRole("alert").filter({ hasText: "not right" }).waitFor();
        assert.equal(await page.getByLabel("Verification code").getAttribute("aria-invalid"), "true");
        assert.match(await page.title(), /^Error: /);
        await photograph(page, "nojs-email-otp-wrong-code", WITHOUT_SCRIPT);

        await page.getByRole("button", { name: "Send a new code" }).click();
        await page.getByRole("status").filter({ hasText: "A new code is on its way." }).waitFor();
        const second = await mail.codeSentTo(email, 1);
        await submitCode(page, second);
        await assertValidated(await returnedToken(page, app), userId, "EMAIL_OTP");
      } finally {
        await tab.close();
      }
    });

    it("five wrong codes lock the challenge as through the API: the right code is then refused", async () => {
      const { userId, contact } = await enrolledUser("SMS");
      const { url, idempotencyKey } = await track(userId, { redirectUrl: `${suite.pages.main.origin}/?from=app` });
      const tab = await withoutScript(url);
      try {
        const page = tab.page;
        await page.getByRole("button", { name: "Code by text message" }).click();
        const code = await codeSentTo(suite.server, contact);
        for (let attempt = 1; attempt <= 5; attempt++) {
          await submitCode(page, wrongCode(code));
          await page.getByRole("alert").waitFor();
        }
        await page.getByRole("alert").filter({ hasText: "Too many wrong codes" }).waitFor();
        await photograph(page, "nojs-sms-locked", WITHOUT_SCRIPT);
        await submitCode(page, code);
        await page.getByRole("alert").filter({ hasText: "Too many wrong codes" }).waitFor();
        assert.equal(new URL(page.url()).pathname, "/ui", "the page never returned to the app");
        const action = await suite.authsignal.getAction({ userId, action: "signIn", idempotencyKey });
        assert.equal(action.state, "CHALLENGE_FAILED");
      } finally {
        await tab.close();
      }
    });

    it("an authenticator app's code and, for another action, a recovery code, each return a valid token", async () => {
      const userId = newUserId();
      const secret = randomTotpSecret();
      const enrolled = await suite.authsignal.enrollVerifiedAuthenticator({ userId,
        attributes: { verificationMethod: "AUTHENTICATOR_APP", otpUri: `otpauth://totp/Acme:${userId}?secret=${secret}` } });
      const app = suite.pages.main.origin;
      const first = await withoutScript((await track(userId, { redirectUrl: `${app}/?from=app` })).url);
      try {
        await first.page.getByRole("button", { name: "Authenticator app" }).click();
        await first.page.getByLabel("Verification code").waitFor();
        await photograph(first.page, "nojs-authenticator-app", WITHOUT_SCRIPT);
        await submitCode(first.page, totp(secret));
        await assertValidated(await returnedToken(first.page, app), userId, "AUTHENTICATOR_APP");
      } finally {
        await first.close();
      }
      const second = await withoutScript((await track(userId, { redirectUrl: `${app}/?from=app` })).url);
      try {
        await second.page.getByRole("button", { name: "Use a recovery code" }).click();
        await second.page.getByLabel("Recovery code").fill(enrolled.recoveryCodes[0]);
        await photograph(second.page, "nojs-recovery-code", WITHOUT_SCRIPT);
        await second.page.getByRole("button", { name: "Verify" }).click();
        await assertValidated(await returnedToken(second.page, app), userId, "RECOVERY_CODE");
      } finally {
        await second.close();
      }
    });

    it("a post with a forged or missing CSRF field, or without the page's cookie, is refused with a clear page and sends nothing", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_OTP");
      const { url } = await track(userId, { redirectUrl: `${suite.pages.main.origin}/?from=app` });
      const tab = await withoutScript(url);
      try {
        const page = tab.page;
        const form = page.locator("form").first();
        const token = await form.locator('input[name="token"]').getAttribute("value");
        const csrf = await form.locator('input[name="csrf"]').getAttribute("value");
        assert.match(csrf, /^[0-9a-f]{64}$/);
        const cookies = await tab.context.cookies();
        const cookie = cookies.find((c) => c.name === "signet_ui_form");
        assert.ok(cookie?.httpOnly && cookie.sameSite === "Strict", JSON.stringify(cookies));

        // The browser's own post, with the field replaced on its way out.
        await page.route("**/ui", (route) => route.continue({
          postData: route.request().postData().replace(/csrf=[^&]*/, "csrf=" + "0".repeat(64)) }));
        const refused = page.waitForResponse((r) => r.request().method() === "POST");
        await page.getByRole("button", { name: "Code by email" }).click();
        assert.equal((await refused).status(), 403);
        await page.getByRole("heading", { name: "This form could not be accepted" }).waitFor();
        await photograph(page, "nojs-forged", WITHOUT_SCRIPT);

        const post = (fields, headers = {}) => fetch(`${suite.server.origin}/ui`, { method: "POST", redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
          body: new URLSearchParams({ token, step: "start", method: "EMAIL_OTP", ...fields }) });
        const withCookie = { Cookie: `signet_ui_form=${cookie.value}` };
        assert.equal((await post({}, withCookie)).status, 403, "no field");
        assert.equal((await post({ csrf })).status, 403, "the right field without the browser's cookie");
        assert.equal((await post({ csrf }, { Cookie: "signet_ui_form=" + "A".repeat(43) })).status, 403, "another cookie");
        const other = await track(userId);
        assert.equal((await post({ csrf, token: other.token }, withCookie)).status, 403, "the field of another token");
        const refusedPage = await post({ csrf: "x" }, withCookie);
        assert.match(await refusedPage.text(), /This form could not be accepted/);
        assert.equal((await mail.textsTo(email)).length, 0, "no refused post sent a code");

        const accepted = await post({ csrf }, withCookie);
        assert.equal(accepted.status, 200, "the genuine field with its cookie is accepted");
        await mail.codeSentTo(email);
      } finally {
        await tab.close();
      }
    });

    it("popup mode says it needs JavaScript; an expired or forged token gets the clear page", async () => {
      const { userId } = await enrolledUser("EMAIL_OTP");
      const { url } = await track(userId);
      const popup = await withoutScript(`${url}&mode=popup`);
      try {
        await popup.page.getByText("This sign-in window needs JavaScript.").waitFor();
        assert.equal(await popup.page.locator("form").count(), 0);
        await photograph(popup.page, "nojs-popup", WITHOUT_SCRIPT);
      } finally {
        await popup.close();
      }
      const forged = await fetch(`${suite.server.origin}/ui`, { method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: "not-a-token", csrf: "x", step: "start", method: "EMAIL_OTP" }) });
      assert.equal(forged.status, 401);
      assert.match(await forged.text(), /This link has expired or is not valid/);
    });
  });
}
