// The hosted challenge page, enrolment of email and SMS in the browser (first set-up, and adding one with
// add:authenticators after a challenge) and WhatsApp as a sign-in method. Email codes are read from GreenMail,
// SMS and WhatsApp codes from the dev delivery. Each run ends with a token the official @authsignal/node
// validateChallenge accepts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { newUserId } from "../support/fixture.mjs";
import { openPage } from "../support/browser.mjs";
import { codeSentTo } from "../support/dev-delivery.mjs";
import { framed, hostedPageSuite, launchIn, launchRedirect, randomPhone, returnedToken,
  submitCode, SCREEN_BACKENDS } from "../support/hosted-page.mjs";

const hosted = await hostedPageSuite("hosted-page-methods", {}, { greenMail: true });
const { chromium, photograph, track, assertValidated, enrolledUser, mail } = hosted;

/** The user's authenticators of `verificationMethod` (the Server API lists verified ones only). */
async function authenticatorsOf(userId, verificationMethod) {
  return (await hosted.suite.authsignal.getAuthenticators({ userId })).filter((a) => a.verificationMethod === verificationMethod);
}

for (const backend of SCREEN_BACKENDS) {
  describe(`the hosted challenge page: enrolment and WhatsApp (${backend})`, () => {
    const suite = hosted.start(backend);

    it("redirect mode: a user without a method enrols email, confirms the code and sees recovery codes once", async () => {
      const userId = newUserId();
      const email = `${userId}@example.com`;
      const session = await openPage(chromium.browser, suite);
      try {
        const app = suite.pages.main.origin;
        await launchRedirect(session, (await track(userId, { redirectUrl: `${app}/?from=app` })).url);
        const page = session.page;
        await page.getByRole("button", { name: "Get codes by email" }).click();
        await page.getByRole("heading", { name: "Add your email address" }).waitFor();
        await page.getByRole("button", { name: "Send code" }).click();
        await page.getByRole("alert").filter({ hasText: "Enter an email address" }).waitFor();
        await photograph(page, "enrol-email-invalid");
        await page.getByLabel("Email address").fill(email);
        await photograph(page, "enrol-email");
        await page.getByRole("button", { name: "Send code" }).click();
        await page.getByRole("heading", { name: "Check your email" }).waitFor();
        await photograph(page, "enrol-email-code");
        await submitCode(page, await mail.codeSentTo(email));
        await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
        const codes = await page.getByRole("list", { name: "Save your recovery codes" }).getByRole("listitem").allInnerTexts();
        assert.equal(codes.length, 10, "the first enrolment shows the user's new recovery codes once");
        await page.getByRole("button", { name: "I have saved them" }).click();
        await assertValidated(await returnedToken(page, app), userId, "EMAIL_OTP");
        const [enrolled] = await authenticatorsOf(userId, "EMAIL_OTP");
        assert.equal(enrolled?.email, email, "the enrolment is verified and listed");
      } finally {
        await session.close();
      }
    });

    it("popup mode: a user without a method enrols SMS inside the framed page, token by postMessage", async () => {
      const userId = newUserId();
      const phone = randomPhone();
      const session = await openPage(chromium.browser, suite);
      try {
        const { scope: frame, launched } = await launchIn(session, (await track(userId)).url, "popup");
        await frame.getByRole("button", { name: "Get codes by text message" }).click();
        // Typed as people do, with spaces; the page sends it in E.164.
        await frame.getByLabel("Mobile number").fill(phone.replace(/^(\+64)(\d\d)(\d{3})/, "$1 $2 $3 "));
        await photograph(session.page, "popup-enrol-sms", framed(session.page));
        await frame.getByRole("button", { name: "Send code" }).click();
        await frame.getByRole("heading", { name: "Check your phone" }).waitFor();
        await photograph(session.page, "popup-enrol-sms-code", framed(session.page));
        await submitCode(frame, await codeSentTo(suite.server, phone));
        await frame.getByRole("heading", { name: "Save your recovery codes" }).waitFor();
        await photograph(session.page, "popup-recovery-codes", framed(session.page));
        await frame.getByRole("button", { name: "I have saved them" }).click();
        await assertValidated((await launched).token, userId, "SMS");
        const [enrolled] = await authenticatorsOf(userId, "SMS");
        assert.equal(enrolled?.phoneNumber, phone);
      } finally {
        await session.close();
      }
    });

    it("redirect mode: add:authenticators lets a signed-in user add SMS after the email challenge; no second set of recovery codes", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_OTP");
      const phone = randomPhone();
      const session = await openPage(chromium.browser, suite);
      try {
        const app = suite.pages.main.origin;
        await launchRedirect(session, (await track(userId, { redirectUrl: `${app}/?from=app`, scope: "add:authenticators" })).url);
        const page = session.page;
        await page.getByRole("button", { name: "Code by email" }).click();
        await submitCode(page, await mail.codeSentTo(email));
        await page.getByRole("heading", { name: "Add another way to verify" }).waitFor();
        await photograph(page, "enrol-more");
        await page.getByRole("button", { name: "Get codes by text message" }).click();
        await page.getByLabel("Mobile number").fill(phone);
        await page.getByRole("button", { name: "Send code" }).click();
        await submitCode(page, await codeSentTo(suite.server, phone));
        await page.getByRole("status").filter({ hasText: "Added." }).waitFor();
        assert.equal(await page.getByRole("heading", { name: "Save your recovery codes" }).count(), 0,
          "the user had recovery codes from the first enrolment, so none are shown");
        await page.getByRole("button", { name: "Done" }).click();
        const validated = await suite.authsignal.validateChallenge({ token: await returnedToken(page, app) });
        assert.equal(validated.isValid, true, JSON.stringify(validated));
        assert.equal(validated.userId, userId);
        assert.equal((await authenticatorsOf(userId, "SMS")).length, 1, "the SMS enrolment is verified");
      } finally {
        await session.close();
      }
    });

    it("window mode: WhatsApp as the user's method, the code sent on the WhatsApp channel", async () => {
      const { userId, contact } = await enrolledUser("WHATSAPP");
      const session = await openPage(chromium.browser, suite);
      try {
        const { scope: popup, launched } = await launchIn(session, (await track(userId)).url, "window");
        await popup.getByRole("button", { name: "Code by WhatsApp" }).click();
        await popup.getByRole("heading", { name: "Check WhatsApp" }).waitFor();
        const code = await codeSentTo(suite.server, contact);
        assert.match(suite.server.output(), new RegExp(`WHATSAPP to \\${contact}: Your verification code is ${code}`));
        await photograph(popup, "whatsapp");
        await submitCode(popup, code);
        await assertValidated((await launched).token, userId, "WHATSAPP");
      } finally {
        await session.close();
      }
    });
  });
}
