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

const hosted = await hostedPageSuite("hosted-page-modes", {}, { greenMail: true });
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
          try {
            const user = await method.user(session, suite);
            const app = suite.pages.main.origin;
            let scope;
            let token;
            if (mode === "redirect") {
              await launchRedirect(session, (await track(user.userId, { redirectUrl: `${app}/?from=app` })).url);
              scope = session.page;
              token = () => returnedToken(session.page, app);
            } else {
              const launched = await launchIn(session, (await track(user.userId)).url, mode);
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
            await assertValidated(await token(), user.userId, verificationMethod);
          } finally {
            await session.close();
          }
        });
      }
    }
  });
}
