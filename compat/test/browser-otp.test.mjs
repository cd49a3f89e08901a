// Email OTP, SMS, WhatsApp, authenticator-app and magic-link flows with the official browser SDK
// (@authsignal/browser 1.16.0) in headless Chromium against a real Signet (docs/client-api.md §7.2 "Scenarios"
// B10–B13; what is asserted comes from §2.6, §4.2–§4.6 and §6). Codes and links are read from Signet's
// log (SIGNET_DEV_DELIVERY=stdout); server state is checked with the official @authsignal/node.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { backends } from "../support/signet-server.mjs";
import { newUserId } from "../support/fixture.mjs";
import {
  assertSdkData, assertSdkError, bodies, recordedExchanges, useBrowser, useBrowserSignet, withPage,
} from "../support/browser.mjs";
import { trackToken } from "../support/action-tokens.mjs";
import { codeSentTo, DEV_DELIVERY, linkSentTo } from "../support/dev-delivery.mjs";
import { totp } from "../support/totp.mjs";
import { assertNoErrorKeyInSuccessBodies } from "../support/error-bodies.mjs";

// Authsignal's documented SMS sending limit (6 per 10 minutes, contract §4.2) as Signet's per-user limit.
const SEND_LIMIT = { SIGNET_SEND_LIMIT_PER_USER: "6", SIGNET_SEND_LIMIT_WINDOW_SECONDS: "600" };
const FINALIZE = "/client/verify/email-magic-link/finalize";

const chromium = useBrowser();
// Scenarios whose server side is not built yet on this branch are skipped with that reason.
const NEEDS_OTP = "needs the email OTP, SMS, WhatsApp, TOTP and magic-link client endpoints #10–#22, not built yet";

function uniqueEmail() {
  return `${newUserId()}@example.com`;
}

/** A phone number no other test uses, so the log lines of one test never answer another's. */
function uniquePhoneNumber() {
  return "+6427" + String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
}

/** A code that is not `code`. */
function wrong(code) {
  return code === "000000" ? "111111" : "000000";
}

/** Tracks `action` for `userId` and hands the token to the page's SDK (authsignal.setToken). */
async function useToken(suite, session, userId, action, attributes) {
  const token = await trackToken(suite.authsignal, userId, action, attributes);
  await session.evaluate((token) => window.client.setToken(token), token);
  return token;
}

async function assertValidated(suite, token, { userId, action, verificationMethod }) {
  const validated = await suite.authsignal.validateChallenge({ token });
  assert.equal(validated.isValid, true, JSON.stringify(validated));
  assert.equal(validated.state, "CHALLENGE_SUCCEEDED");
  assert.equal(validated.userId, userId);
  assert.equal(validated.action, action);
  assert.equal(validated.verificationMethod, verificationMethod);
}

/** The user's verified authenticators of `verificationMethod`, through the Server API. */
async function authenticatorsOf(suite, userId, verificationMethod) {
  return (await suite.authsignal.getAuthenticators({ userId })).filter((a) => a.verificationMethod === verificationMethod);
}

/** Asserts a failed verify: data {isVerified: false, failureReason}, no token, no error key (§4.2). */
function assertNotVerified(result, failureReason) {
  const data = assertSdkData(result);
  assert.equal(data.isVerified, false);
  assert.equal(data.failureReason, failureReason);
  assert.equal(data.token, undefined);
}

for (const backend of backends()) {
  describe(`OTP, TOTP and magic links in Chromium with @authsignal/browser (${backend})`, () => {
    const suite = useBrowserSignet(backend, { ...DEV_DELIVERY, ...SEND_LIMIT });

    it("B10: email OTP enrolment stays hidden until the code verifies; the accessToken then carries the next call", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const userId = newUserId();
        const email = uniqueEmail();
        const trackedToken = await useToken(suite, session, userId, "enrollEmail");
        const enrolled = assertSdkData(await session.call("email.enroll", { email }));
        assert.ok(typeof enrolled.userAuthenticatorId === "string" && enrolled.userAuthenticatorId.length > 0);
        assert.equal(enrolled.userId, userId);
        assert.deepEqual(await authenticatorsOf(suite, userId, "EMAIL_OTP"), [], "unverified: not listed");
        assert.equal((await suite.authsignal.getUser({ userId })).isEnrolled, false);

        const code = await codeSentTo(suite.server, email);
        assertNotVerified(await session.call("email.verify", { code: wrong(code) }), "CODE_INVALID_OR_EXPIRED");
        const verified = assertSdkData(await session.call("email.verify", { code }));
        assert.equal(verified.isVerified, true);
        assert.ok(typeof verified.token === "string" && verified.token.length > 0);
        assert.equal(verified.userAuthenticator.verificationMethod, "EMAIL_OTP");
        assert.equal(verified.userAuthenticator.userAuthenticatorId, enrolled.userAuthenticatorId);

        // §2.6: the SDK now sends the accessToken, which may add a second authenticator (§2.2).
        assertSdkData(await session.call("sms.enroll", { phoneNumber: uniquePhoneNumber() }));
        const [smsEnroll] = await session.wire.calls("/client/user-authenticators/sms");
        assert.equal(smsEnroll.headers.authorization, `Bearer ${verified.token}`);

        const [authenticator] = await authenticatorsOf(suite, userId, "EMAIL_OTP");
        assert.equal(authenticator.userAuthenticatorId, enrolled.userAuthenticatorId);
        assert.ok(authenticator.verifiedAt, "verifiedAt is set");
        const user = await suite.authsignal.getUser({ userId });
        assert.equal(user.isEnrolled, true);
        assert.equal(user.email, email);
        assert.equal(user.emailVerified, true);
        await assertValidated(suite, verified.token, { userId, action: "enrollEmail", verificationMethod: "EMAIL_OTP" });
        await assertValidated(suite, trackedToken, { userId, action: "enrollEmail", verificationMethod: "EMAIL_OTP" });
      });
    });

    it("B10: an enrolled user's email challenge verifies without a userAuthenticator; a token without add:authenticators cannot enroll more", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const userId = newUserId();
        const email = uniqueEmail();
        await suite.authsignal.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: "EMAIL_OTP", email } });
        await useToken(suite, session, userId, "signIn");
        const challenge = assertSdkData(await session.call("email.challenge"));
        assert.ok(challenge.challengeId.length > 0);
        const [sent] = await session.wire.calls("/client/challenge/email-otp");
        assert.equal(sent.body, undefined, "the SDK sends no body, only the JSON content type");
        const verified = assertSdkData(await session.call("email.verify", { code: await codeSentTo(suite.server, email) }));
        assert.equal(verified.isVerified, true);
        assert.equal(verified.userAuthenticator, undefined);
        await assertValidated(suite, verified.token, { userId, action: "signIn", verificationMethod: "EMAIL_OTP" });

        await useToken(suite, session, userId, "signIn");
        // §6.1 leaves the code open; Signet answers 403 forbidden, for passkeys (#1) as for OTP enrolment.
        assertSdkError(await session.call("email.enroll", { email: uniqueEmail() }), "forbidden");
        const [refused] = await session.wire.calls("/client/user-authenticators/email-otp");
        assert.equal(refused.status, 403);
        assert.equal((await authenticatorsOf(suite, userId, "EMAIL_OTP")).length, 1);
      });
    });

    it("B11: SMS enrolment and a WhatsApp challenge verify like email, each recorded with its method", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const userId = newUserId();
        const phoneNumber = uniquePhoneNumber();
        await useToken(suite, session, userId, "enrollSms");
        const enrolled = assertSdkData(await session.call("sms.enroll", { phoneNumber }));
        assert.equal(enrolled.userId, userId);
        const code = await codeSentTo(suite.server, phoneNumber, 0);
        assertNotVerified(await session.call("sms.verify", { code: wrong(code) }), "CODE_INVALID_OR_EXPIRED");
        const verified = assertSdkData(await session.call("sms.verify", { code }));
        assert.equal(verified.isVerified, true);
        assert.equal(verified.userAuthenticator.verificationMethod, "SMS");
        await assertValidated(suite, verified.token, { userId, action: "enrollSms", verificationMethod: "SMS" });
        assert.equal((await authenticatorsOf(suite, userId, "SMS")).length, 1);
        assert.equal((await suite.authsignal.getUser({ userId })).phoneNumberVerified, true);

        await useToken(suite, session, userId, "signIn");
        assert.ok(assertSdkData(await session.call("whatsapp.challenge")).challengeId.length > 0);
        const whatsappCode = await codeSentTo(suite.server, phoneNumber, 1);
        const viaWhatsapp = assertSdkData(await session.call("whatsapp.verify", { code: whatsappCode }));
        assert.equal(viaWhatsapp.isVerified, true);
        await assertValidated(suite, viaWhatsapp.token, { userId, action: "signIn", verificationMethod: "WHATSAPP" });
      });
    });

    it("B11: the 7th SMS to a user within the window is too_many_requests", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const userId = newUserId();
        const phoneNumber = uniquePhoneNumber();
        await useToken(suite, session, userId, "enrollSms");
        assertSdkData(await session.call("sms.enroll", { phoneNumber }));
        assert.equal(assertSdkData(await session.call("sms.verify", { code: await codeSentTo(suite.server, phoneNumber) })).isVerified, true);
        await useToken(suite, session, userId, "signIn");
        for (let send = 2; send <= 6; send++) {
          assert.ok(assertSdkData(await session.call("sms.challenge")).challengeId, `send ${send}`);
        }
        assertSdkError(await session.call("sms.challenge"), "too_many_requests");
        const [, ...challenges] = await session.wire.calls("/client/challenge/sms");
        assert.equal(challenges.at(-1).status, 429);
      });
    });

    it("B11: repeated wrong codes end in MAX_ATTEMPTS_EXCEEDED, after which the right code fails too", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const userId = newUserId();
        const email = uniqueEmail();
        await useToken(suite, session, userId, "enrollEmail");
        assertSdkData(await session.call("email.enroll", { email }));
        const code = await codeSentTo(suite.server, email);
        let attempts = 0;
        let last;
        do {
          attempts += 1;
          last = assertSdkData(await session.call("email.verify", { code: wrong(code) }));
          assert.equal(last.isVerified, false);
        } while (last.failureReason !== "MAX_ATTEMPTS_EXCEEDED" && attempts < 11);
        assert.equal(last.failureReason, "MAX_ATTEMPTS_EXCEEDED", `after ${attempts} wrong codes`);
        assertNotVerified(await session.call("email.verify", { code }), "MAX_ATTEMPTS_EXCEEDED");
        assert.deepEqual(await authenticatorsOf(suite, userId, "EMAIL_OTP"), []);
      });
    });

    it("B12: authenticator-app enrolment gives an otpauth URI and Base32 secret; a stale code fails, the current one verifies", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const userId = newUserId();
        await useToken(suite, session, userId, "enrollTotp");
        const enrolled = assertSdkData(await session.call("totp.enroll"));
        assert.match(enrolled.uri, /^otpauth:\/\/totp\//);
        assert.match(enrolled.secret, /^[A-Z2-7]+=*$/);
        assert.equal(new URL(enrolled.uri).searchParams.get("secret"), enrolled.secret);
        assert.equal(enrolled.userId, userId);

        const now = Date.now();
        const nearby = new Set([-1, 0, 1].map((step) => totp(enrolled.secret, now + step * 30_000)));
        const stale = [2, 3, 4].map((steps) => totp(enrolled.secret, now - steps * 30_000)).find((c) => !nearby.has(c));
        assertNotVerified(await session.call("totp.verify", { code: stale }), "CODE_INVALID_OR_EXPIRED");
        const verified = assertSdkData(await session.call("totp.verify", { code: totp(enrolled.secret) }));
        assert.equal(verified.isVerified, true);
        assert.ok(verified.token.length > 0);
        assert.equal(verified.userAuthenticator.verificationMethod, "AUTHENTICATOR_APP");
        const [authenticator] = await authenticatorsOf(suite, userId, "AUTHENTICATOR_APP");
        assert.equal(authenticator.userAuthenticatorId, enrolled.userAuthenticatorId);
        await assertValidated(suite, verified.token, { userId, action: "enrollTotp", verificationMethod: "AUTHENTICATOR_APP" });
      });
    });

    it("B13: checkVerificationStatus polls finalize with {} until the emailed link is opened, then resolves with a token", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const userId = newUserId();
        const email = uniqueEmail();
        await useToken(suite, session, userId, "enrollMagicLink");
        const enrolled = assertSdkData(await session.call("emailML.enroll", { email }));
        assert.equal(enrolled.userId, userId);
        await session.evaluate(() => {
          window.magicLinkResult = window.client.emailML.checkVerificationStatus();
        });
        const polls = await session.wire.waitForCalls(FINALIZE, 2);
        for (const poll of polls) {
          assert.equal(poll.body, "{}");
          assert.equal(poll.status, 200);
          assert.deepEqual(bodies(poll).response, { isVerified: false });
        }
        assert.ok(polls[1].sentAt - polls[0].sentAt >= 700, "the SDK polls about once a second");

        const link = await linkSentTo(suite.server, email);
        const linkPage = await session.context.newPage();
        const opened = await linkPage.goto(link);
        assert.equal(opened.status(), 200);
        // Opening only shows a confirmation page (mail scanners open links too); the person presses its button.
        await linkPage.getByRole("button", { name: "Sign in" }).click();
        await linkPage.getByRole("heading", { name: "You are verified" }).waitFor();
        const data = assertSdkData(await session.evaluate(() => window.magicLinkResult));
        assert.equal(data.isVerified, true);
        assert.ok(data.token.length > 0);
        await assertValidated(suite, data.token, { userId, action: "enrollMagicLink", verificationMethod: "EMAIL_MAGIC_LINK" });
        assert.equal((await authenticatorsOf(suite, userId, "EMAIL_MAGIC_LINK")).length, 1);
      });
    });
  });
}

describe("B14 (OTP flows)", () => {
  it("no success body of this file's exchanges has an error key; every error body has error, errorCode, errorDescription", (t) => {
    if (recordedExchanges().length === 0) return t.skip("no exchanges: every browser scenario of this file was skipped");
    assertNoErrorKeyInSuccessBodies();
  });
});
