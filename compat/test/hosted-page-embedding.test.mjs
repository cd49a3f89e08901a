// The hosted challenge page embedded by an app: what popup and window mode tell the app page and to
// whom. The framed page posts AUTHSIGNAL_READY, its height, AUTHSIGNAL_API_ERROR for a refused Client API call
// and AUTHSIGNAL_CLOSE_POPUP with the token, as the official SDK's launch() expects, and only to the tenant's
// expectedOrigins; a page outside them can neither frame it (frame-ancestors) nor hear it from a window.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { admin } from "../support/fixture.mjs";
import { openPage } from "../support/browser.mjs";
import { codeSentTo } from "../support/dev-delivery.mjs";
import { eventually } from "../support/eventually.mjs";
import { launchIn, hostedPageSuite, submitCode, SCREEN_BACKENDS } from "../support/hosted-page.mjs";

// Two codes per user and window, so a third "send a new code" is refused with 429 inside the popup.
const hosted = await hostedPageSuite("hosted-page-embedding", { SIGNET_SEND_LIMIT_PER_USER: "2" }, { greenMail: true });
const { chromium, photograph, track, assertValidated, enrolledUser, mail } = hosted;

/** Records in the app page every message it receives: {origin, data} (JSON strings parsed). */
function listen(session) {
  return session.evaluate(() => {
    window.heard = [];
    window.addEventListener("message", (e) => {
      let data = e.data;
      try {
        data = typeof data === "string" ? JSON.parse(data) : data;
      } catch {
        // not JSON: kept as it came
      }
      window.heard.push({ origin: e.origin, data });
    });
  });
}

for (const backend of SCREEN_BACKENDS) {
  describe(`the hosted challenge page embedded by an app (${backend})`, () => {
    const suite = hosted.start(backend);

    it("popup mode: the app hears AUTHSIGNAL_READY, the page's height, AUTHSIGNAL_API_ERROR for a refused send, then AUTHSIGNAL_CLOSE_POPUP with the token", async () => {
      const { userId, contact: email } = await enrolledUser("EMAIL_OTP");
      const session = await openPage(chromium.browser, suite);
      try {
        await listen(session);
        const { scope: frame, launched } = await launchIn(session, (await track(userId)).url, "popup");
        await frame.getByRole("button", { name: "Code by email" }).click();
        await mail.codeSentTo(email);
        await frame.getByRole("button", { name: "Send a new code" }).click();
        await frame.getByRole("status").filter({ hasText: "A new code is on its way." }).waitFor();
        const code = await mail.codeSentTo(email, 1);
        await frame.getByRole("button", { name: "Send a new code" }).click();
        await frame.getByRole("alert").filter({ hasText: "Too many attempts" }).waitFor();
        await submitCode(frame, code);
        const { token } = await launched;
        await assertValidated(token, userId, "EMAIL_OTP");

        const heard = await session.evaluate(() => window.heard);
        const signet = suite.server.origin.replace("127.0.0.1", "localhost"); // SIGNET_PUBLIC_URL's origin
        assert.ok(heard.every((m) => m.origin === signet), JSON.stringify(heard));
        const events = heard.map((m) => m.data.event ?? (typeof m.data.height === "number" ? "height" : JSON.stringify(m.data)));
        assert.equal(events.filter((e) => e === "AUTHSIGNAL_READY").length, 1, JSON.stringify(events));
        assert.ok(events.indexOf("AUTHSIGNAL_READY") < events.indexOf("AUTHSIGNAL_API_ERROR"), JSON.stringify(events));
        assert.ok(heard.some((m) => m.data.height > 100), "the page's height, for the SDK to size its frame");
        assert.deepEqual(heard.filter((m) => m.data.event === "AUTHSIGNAL_API_ERROR").map((m) => m.data),
          [{ event: "AUTHSIGNAL_API_ERROR", errorCode: "too_many_requests", statusCode: 429 }]);
        assert.deepEqual(heard.filter((m) => m.data.event === "AUTHSIGNAL_CLOSE_POPUP").map((m) => m.data),
          [{ event: "AUTHSIGNAL_CLOSE_POPUP", token }]);
        assert.equal(events.at(-1), "AUTHSIGNAL_CLOSE_POPUP", JSON.stringify(events));
      } finally {
        await session.close();
      }
    });

    it("popup mode: a page outside the tenant's expectedOrigins cannot frame the hosted page (frame-ancestors)", async () => {
      const { userId } = await enrolledUser("SMS");
      const session = await openPage(chromium.browser, suite, suite.pages.outsider);
      try {
        await listen(session);
        const served = session.page.waitForResponse((r) => new URL(r.url()).pathname === "/ui");
        launchIn(session, (await track(userId)).url, "popup");
        const csp = (await served).headers()["content-security-policy"];
        assert.match(csp, /frame-ancestors [^;]*http:\/\/localhost:\d+/);
        assert.ok(!csp.includes(suite.pages.outsider.origin), csp);
        await session.page.waitForFunction(() => document.querySelector('iframe[name="authsignal"]'));
        // Chromium puts its error page in a frame it refuses; from an expected origin the same call shows the page.
        await eventually("Chromium refusing the frame",
          () => (session.page.frame({ name: "authsignal" })?.url() === "chrome-error://chromewebdata/" ? true : undefined));
        assert.equal(await session.page.frameLocator('iframe[name="authsignal"]').getByRole("button").count(), 0);
        assert.deepEqual(await session.evaluate(() => window.heard), [], "no message at all reached the outsider");
      } finally {
        await session.close();
      }
    });

    it("window mode: an opener outside the tenant's expectedOrigins never hears AUTHSIGNAL_CLOSE_POPUP", async () => {
      const outsider = suite.pages.outsider.origin;
      const settings = await admin(suite.server, "GET", "/settings");
      assert.equal(settings.anyLocalhostPort, false, "explicit expectedOrigins replace the any-localhost default");
      assert.ok(!settings.expectedOrigins.includes(outsider), JSON.stringify(settings.expectedOrigins));
      const { userId, contact } = await enrolledUser("SMS");
      const session = await openPage(chromium.browser, suite, suite.pages.outsider);
      try {
        await session.evaluate(() => {
          window.heard = [];
          window.addEventListener("message", (e) => window.heard.push(String(e.data)));
        });
        const { url } = await track(userId);
        const { scope: popup } = await launchIn(session, url, "window");
        await popup.getByRole("button", { name: "Code by text message" }).click();
        await submitCode(popup, await codeSentTo(suite.server, contact));
        await popup.getByRole("heading", { name: "You're verified" }).waitFor();
        await photograph(popup, "done");
        // Messages from one window to another arrive in the order posted: once this marker is heard, any
        // AUTHSIGNAL_CLOSE_POPUP the page posted to this opener would have been heard before it.
        await popup.evaluate(() => window.opener.postMessage("marker", "*"));
        await session.page.waitForFunction(() => window.heard.includes("marker"));
        assert.deepEqual(await session.evaluate(() => window.heard), ["marker"]);
      } finally {
        await session.close();
      }
    });

  });
}
