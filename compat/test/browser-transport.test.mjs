// The Client API's transport as the official browser SDK (@authsignal/browser 1.16.0) meets it in
// headless Chromium: CORS and headers, expired and invalid tokens, and the error-body contract
// (docs/client-api.md §7.2 "Scenarios" B1, B9, B14; what is asserted comes from §2).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { backends } from "../support/signet-server.mjs";
import { newUserId } from "../support/fixture.mjs";
import {
  assertSdkData, assertSdkError, clientRequest, tenantBasic, useBrowser, useBrowserSignet, withPage,
  recordedExchanges,
} from "../support/browser.mjs";
import { agedToken, trackToken } from "../support/action-tokens.mjs";
import { DEV_DELIVERY } from "../support/dev-delivery.mjs";
import { assertErrorBody, assertNoErrorKeyInSuccessBodies, headerObject } from "../support/error-bodies.mjs";

const AUTHENTICATION_OPTIONS = "/client/user-authenticators/passkey/authentication-options";
const EMAIL_ENROLL = "/client/user-authenticators/email-otp";
const EMAIL_CHALLENGE = "/client/challenge/email-otp";
const TOKEN_NOT_SET = {
  error: "token_not_set", errorCode: "token_not_set", errorDescription: "A token has not been set. Call 'setToken' first.",
};

const chromium = useBrowser();
// Scenarios whose server side is not built yet on this branch are skipped with that reason.
const NEEDS_PASSKEYS = "needs the passkey endpoints #1–#9, not built yet";
const NEEDS_OTP = "needs the email OTP, SMS, WhatsApp, TOTP and magic-link client endpoints #10–#22, not built yet";

function headerList(value) {
  return (value ?? "").split(",").map((item) => item.trim().toLowerCase()).filter(Boolean);
}

/** The CORS answer §2.4 requires for `origin`, on a preflight or an actual response. */
function assertCorsFor(headers, origin, where) {
  assert.equal(headers["access-control-allow-origin"], origin, where);
  assert.equal(headers["access-control-allow-credentials"], "true", where);
}

for (const backend of backends()) {
  describe(`Client API transport in Chromium with @authsignal/browser (${backend})`, () => {
    const suite = useBrowserSignet(backend, DEV_DELIVERY);

    it("B1: cross-origin calls are preflighted and answered for the page's origin, with the SDK's two Authorization forms", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const origin = suite.pages.main.origin;
        const passkeyUser = newUserId();
        const signUpToken = await trackToken(suite.authsignal, passkeyUser, "enrollPasskey");
        assertSdkData(await session.call("passkey.signUp", { token: signUpToken, username: "b1@example.com" }));
        assertSdkData(await session.call("passkey.signIn"));
        const emailToken = await trackToken(suite.authsignal, newUserId(), "enrollEmail");
        await session.evaluate((token) => window.client.setToken(token), emailToken);
        assertSdkData(await session.call("email.enroll", { email: `${newUserId()}@example.com` }));
        // A forced 4xx reaches the app as {errorCode}, not as a network failure.
        assertSdkError(await session.call("email.enroll", { email: "not-an-email" }), "invalid_request");

        await session.wire.settled();
        const expectedAuthorization = {
          "/client/user-authenticators/passkey/registration-options": `Bearer ${signUpToken}`,
          "/client/user-authenticators/passkey": `Bearer ${signUpToken}`,
          [AUTHENTICATION_OPTIONS]: tenantBasic(suite.tenantId),
          "/client/verify/passkey": tenantBasic(suite.tenantId),
          [EMAIL_ENROLL]: `Bearer ${emailToken}`,
        };
        assert.deepEqual([...new Set(session.wire.paths())].sort(), Object.keys(expectedAuthorization).sort());
        for (const exchange of session.wire.exchanges) {
          const where = `${exchange.method} ${exchange.path}`;
          assert.equal(exchange.method, "POST", where);
          assert.equal(exchange.headers["content-type"], "application/json", where);
          assert.equal(exchange.headers.authorization, expectedAuthorization[exchange.path], where);
          assert.equal(exchange.headers.origin, origin, where);
          assertCorsFor(exchange.responseHeaders, origin, `${where} -> ${exchange.status}`);
        }
        const errored = session.wire.exchanges.filter((e) => e.status >= 400);
        assert.equal(errored.length, 1);
        assert.equal(errored[0].status, 400);

        for (const path of Object.keys(expectedAuthorization)) {
          const preflight = session.wire.preflights.find((p) => p.path === path);
          assert.ok(preflight, `a preflight for ${path}`);
          assert.equal(preflight.headers["access-control-request-method"], "POST");
          assert.ok(preflight.status >= 200 && preflight.status < 300, `${path}: ${preflight.status}`);
          assertCorsFor(preflight.responseHeaders, origin, `OPTIONS ${path}`);
          const allowed = headerList(preflight.responseHeaders["access-control-allow-headers"]);
          assert.ok(allowed.includes("authorization") && allowed.includes("content-type"), `OPTIONS ${path}: ${allowed}`);
          assert.ok(headerList(preflight.responseHeaders["access-control-allow-methods"]).includes("post"), `OPTIONS ${path}`);
        }
      });
    });

    it("B1: a preflight from an origin outside expectedOrigins gets no CORS headers, and the SDK call rejects", async () => {
      const preflight = (origin) => fetch(`${suite.server.apiUrl}${EMAIL_ENROLL}`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
      });
      const allowed = await preflight(suite.pages.main.origin);
      assert.ok(allowed.status >= 200 && allowed.status < 300, `${allowed.status}`);
      assert.equal(allowed.headers.get("access-control-allow-origin"), suite.pages.main.origin);
      assert.ok(headerList(allowed.headers.get("vary")).includes("origin"), `Vary: ${allowed.headers.get("vary")}`);
      assert.equal(allowed.headers.get("access-control-max-age"), "600");
      const refused = await preflight(suite.pages.outsider.origin);
      assert.equal(refused.headers.get("access-control-allow-origin"), null);
      assert.equal(refused.headers.get("access-control-allow-credentials"), null);

      await withPage(chromium.browser, suite, async (session) => {
        const token = await trackToken(suite.authsignal, newUserId(), "enrollEmail");
        await session.evaluate((token) => window.client.setToken(token), token);
        await assert.rejects(session.call("email.enroll", { email: "outsider@example.com" }),
          (error) => error.name === "TypeError" && /Failed to fetch/.test(error.message));
      }, suite.pages.outsider);
    });

    it("B9: an expired token is expired_token and calls onTokenExpired once; a garbage token is refused", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const token = await trackToken(suite.authsignal, newUserId(), "signIn");
        const expired = agedToken(suite.server, token, 20 * 60);
        await session.evaluate((token) => window.client.setToken(token), expired);
        assertSdkError(await session.call("email.challenge"), "expired_token");
        assert.equal(await session.evaluate(() => window.tokenExpiredCalls), 1);

        await session.evaluate(() => window.client.setToken("not-a-signet-token"));
        assertSdkError(await session.call("email.challenge"), /^(invalid_token|unauthorized)$/);
        assert.equal(await session.evaluate(() => window.tokenExpiredCalls), 1, "only expired_token calls onTokenExpired");

        const calls = await session.wire.calls(EMAIL_CHALLENGE);
        assert.equal(calls.length, 2);
        for (const call of calls) assert.ok(call.status >= 400 && call.status < 500, `${call.status}`);
      });
    });

    it("B9: without a token the SDK answers token_not_set and sends nothing", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        assert.deepEqual(await session.call("email.challenge"), TOKEN_NOT_SET);
        assert.deepEqual(await session.call("passkey.signUp", { username: "nobody@example.com" }), TOKEN_NOT_SET);
        await session.wire.settled();
        assert.deepEqual(session.wire.exchanges, []);
        assert.deepEqual(session.wire.preflights, []);
      });
    });

    it("B14: every error the Client API answers is JSON with error == errorCode and a description, readable cross-origin", async () => {
      const origin = suite.pages.main.origin;
      const basic = tenantBasic(suite.tenantId);
      const token = await trackToken(suite.authsignal, newUserId(), "signIn");
      const cases = [
        ["no Authorization", "POST", EMAIL_CHALLENGE, {}, "unauthorized", 401],
        ["garbage Bearer", "POST", EMAIL_CHALLENGE, { authorization: "Bearer not-a-signet-token" }, "invalid_token", 401],
        ["expired Bearer", "POST", EMAIL_CHALLENGE, { authorization: `Bearer ${agedToken(suite.server, token, 1200)}` }, "expired_token", 401],
        ["tenant Basic where a token is needed", "POST", EMAIL_CHALLENGE, { authorization: basic }, "unauthorized", 401],
        ["unknown tenant id", "POST", AUTHENTICATION_OPTIONS, { authorization: tenantBasic("no-such-tenant"), body: {} }, "unauthorized", 401],
        ["bad action code", "POST", "/client/challenge", { authorization: basic, body: { action: "a b" } }, "invalid_request", 400],
        ["malformed JSON", "POST", AUTHENTICATION_OPTIONS, { authorization: basic, rawBody: "{" }, "invalid_request", 400],
        ["unknown challengeId", "POST", AUTHENTICATION_OPTIONS, { authorization: basic, body: { challengeId: "no-such-challenge" } }, "invalid_request", 400],
        ["verify without a credential", "POST", "/client/verify/passkey", { authorization: basic, body: {} }, "invalid_request", 400],
        ["invalid email", "POST", EMAIL_ENROLL, { authorization: `Bearer ${token}`, body: { email: "not-an-email" } }, "invalid_request", 400],
        ["unknown passkey lookup", "GET", "/client/user-authenticators/passkey?credentialIds=AAAA", { authorization: basic }, "not_found", 404],
      ];
      // The statuses and codes §2.7 recommends, and 404 for the passkey lookup (§4.1.7).
      for (const [what, method, path, options, errorCode, status] of cases) {
        const answer = await clientRequest(suite, method, path, { ...options, origin });
        const headers = headerObject(answer.headers);
        labelled(what, () => {
          assert.equal(answer.status, status, answer.text);
          assertErrorBody({ status: answer.status, headers, text: answer.text }, errorCode);
          assertCorsFor(headers, origin, what);
        });
      }

      function labelled(what, check) {
        try {
          check();
        } catch (error) {
          error.message = `${what}: ${error.message}`;
          throw error;
        }
      }
    });

    it("B14: the SDK hands an error body to the app as {error: description, errorCode, errorDescription}", async () => {
      await withPage(chromium.browser, suite, async (session) => {
        const result = await session.call("passkey.signIn", { action: "a b" });
        const [exchange] = await session.wire.calls("/client/challenge");
        const body = JSON.parse(exchange.responseText);
        assert.deepEqual(result, { error: body.errorDescription, errorCode: body.errorCode, errorDescription: body.errorDescription });
      });
    });
  });
}

describe("B14 (transport)", () => {
  it("no success body of this file's exchanges has an error key; every error body has error, errorCode, errorDescription", (t) => {
    if (recordedExchanges().length === 0) return t.skip("no exchanges: every browser scenario of this file was skipped");
    assertNoErrorKeyInSuccessBodies();
  });
});
