// The hosted challenge page, every mode of launch() with every sign-in method: for redirect, popup and
// window mode and for passkey, email OTP (the code read from GreenMail), SMS (the code from the dev
// delivery), authenticator app (the code computed from the enrolled secret), recovery code and email magic
// link (the link read from GreenMail), an app page on http://localhost calls the official SDK's launch(url),
// the test completes the challenge inside Signet's page, and the token the app receives must pass the
// official @authsignal/node validateChallenge with that verificationMethod. On both databases; each
// method's screen is photographed (and axe-scanned) once per mode.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { newUserId } from "../support/fixture.mjs";
import { addAuthenticator, assertSdkData, openPage } from "../support/browser.mjs";
import { trackToken } from "../support/action-tokens.mjs";
import { codeSentTo, confirmMagicLink } from "../support/dev-delivery.mjs";
import { backends } from "../support/signet-server.mjs";
import { totp } from "../support/totp.mjs";
import { framed, hostedPageSuite, launchIn, launchRedirect, randomTotpSecret, returnedToken, submitCode }
  from "../support/hosted-page.mjs";

// With the access log on, so the check that no token reaches the server's log covers every request line.
const hosted = await hostedPageSuite("hosted-page-modes", { SIGNET_ACCESS_LOG: "true" }, { greenMail: true });
const { chromium, photograph, track, assertValidated, enrolledUser, mail } = hosted;

/**
 * Each method: `user(session)` makes a user who has it (a passkey lives in the session's virtual
 * authenticator), `screen` is what the page asks once the method is picked, `complete(scope, user)` answers
 * it as a person would. `scope` is the page, the framed page, or the new window.
 */
const METHODS = {
  PASSKEY: {
    button: "Passkey",
    async user(session, suite) {
      const userId = newUserId();
      const token = await trackToken(suite.authsignal, userId, "enrollPasskey");
      assertSdkData(await session.call("passkey.signUp", { token, username: `${userId}@example.com` }));
      return { userId };
    },
    screen: (scope) => scope.getByRole("button", { name: "Continue with passkey" }).waitFor(),
    complete: (scope) => scope.getByRole("button", { name: "Continue with passkey" }).click(),
  },
  EMAIL_OTP: {
    button: "Code by email",
    user: () => enrolledUser("EMAIL_OTP"),
    screen: (scope) => scope.getByLabel("Verification code").waitFor(),
    complete: async (scope, user) => submitCode(scope, await mail.codeSentTo(user.contact)),
  },
  SMS: {
    button: "Code by text message",
    user: () => enrolledUser("SMS"),
    screen: (scope) => scope.getByLabel("Verification code").waitFor(),
    complete: async (scope, user, suite) => submitCode(scope, await codeSentTo(suite.server, user.contact)),
  },
  AUTHENTICATOR_APP: {
    button: "Authenticator app",
    async user(session, suite) {
      const userId = newUserId();
      const secret = randomTotpSecret();
      await suite.authsignal.enrollVerifiedAuthenticator({ userId,
        attributes: { verificationMethod: "AUTHENTICATOR_APP", otpUri: `otpauth://totp/Acme:${userId}?secret=${secret}` } });
      return { userId, secret };
    },
    screen: (scope) => scope.getByRole("heading", { name: "Enter your app's code" }).waitFor(),
    complete: (scope, user) => submitCode(scope, totp(user.secret)),
  },
  RECOVERY_CODE: {
    button: "Use a recovery code",
    async user(session, suite) {
      const userId = newUserId();
      const { recoveryCodes } = await suite.authsignal.enrollVerifiedAuthenticator({ userId,
        attributes: { verificationMethod: "SMS", phoneNumber: "+64271239876" } });
      return { userId, recoveryCode: recoveryCodes[0] };
    },
    screen: (scope) => scope.getByLabel("Recovery code").waitFor(),
    complete: (scope, user) => submitCode(scope, user.recoveryCode, "Recovery code"),
  },
  EMAIL_MAGIC_LINK: {
    button: "Link by email",
    user: () => enrolledUser("EMAIL_MAGIC_LINK"),
    screen: (scope) => scope.getByRole("status").filter({ hasText: "Waiting for the link" }).waitFor(),
    async complete(scope, user) {
      const opened = await confirmMagicLink(await mail.linkSentTo(user.contact));
      assert.equal(opened.status, 200);
    },
  },
};

/**
 * The tokens never leave Signet and the app: every request of the browser went to one of them (nothing loaded
 * from elsewhere), a Referer with a token in it is only ever the app's own page asking the app (the page
 * redirect mode returned to), and the server's log, access lines included, holds neither token.
 */
function assertTokensStayed(suite, requests, tokens) {
  const signet = [suite.server.origin, suite.server.origin.replace("127.0.0.1", "localhost")];
  const app = suite.pages.main.origin;
  for (const { url, referer } of requests) {
    const origin = new URL(url).origin;
    if (url.startsWith("blob:") || url.startsWith("data:")) continue;
    assert.ok([...signet, app].includes(origin), `a request elsewhere: ${url}`);
    if (tokens.some((t) => referer?.includes(t))) {
      assert.ok(origin === app && new URL(referer).origin === app, `a token in the Referer of ${url}: ${referer}`);
    }
  }
  const log = suite.server.output();
  assert.ok(log.includes("GET /ui 200"), "the access log is on and names the page's route");
  assert.ok(!tokens.some((t) => log.includes(t)), "a token in the server's log");
}

/** The name a screen's screenshot gets, e.g. popup-authenticator-app. */
function screenName(mode, method) {
  return `${mode}-${method.toLowerCase().replaceAll("_", "-")}`;
}

for (const backend of backends()) {
  describe(`the hosted challenge page, every mode with every method (${backend})`, () => {
    const suite = hosted.start(backend);

    for (const mode of ["redirect", "popup", "window"]) {
      for (const [verificationMethod, method] of Object.entries(METHODS)) {
        it(`${mode} mode: ${verificationMethod}`, async () => {
          const session = await openPage(chromium.browser, suite);
          const requests = [];
          session.context.on("request", (request) => requests.push({ url: request.url(), referer: request.headers().referer }));
          try {
            const user = await method.user(session, suite);
            const app = suite.pages.main.origin;
            let scope;
            let token;
            const tracked = await track(user.userId, mode === "redirect" ? { redirectUrl: `${app}/?from=app` } : {});
            if (mode === "redirect") {
              await launchRedirect(session, tracked.url);
              scope = session.page;
              token = () => returnedToken(session.page, app);
            } else {
              const launched = await launchIn(session, tracked.url, mode);
              scope = launched.scope;
              token = async () => (await launched.launched).token;
              if (mode === "window" && verificationMethod === "PASSKEY") {
                // Chromium keeps a virtual authenticator per tab: the new window gets a copy of the passkey.
                await addAuthenticator(session.context, scope, await session.credentials());
              }
            }
            await scope.getByRole("button", { name: method.button }).click();
            await method.screen(scope);
            await photograph(mode === "window" ? scope : session.page, screenName(mode, verificationMethod),
              mode === "popup" ? framed(session.page) : undefined);
            await method.complete(scope, user, suite);
            const returned = await token();
            await assertValidated(returned, user.userId, verificationMethod);
            assertTokensStayed(suite, requests, [tracked.token, returned]);
          } finally {
            await session.close();
          }
        });
      }
    }
  });
}
