// Webhooks Signet sends, verified with the SDK's own webhook.constructEvent (authsignal-api.md §9).
// The receiver listens on 127.0.0.1 only; SIGNET_WEBHOOK_ALLOW_PRIVATE lets Signet deliver there.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { newUserId, useSignet } from "../support/fixture.mjs";

const signet = useSignet({ SIGNET_WEBHOOK_ALLOW_PRIVATE: "true", SIGNET_WEBHOOK_POLL_MILLIS: "100" });
const WAIT_MS = 20_000;

/** A receiver that keeps each request's raw body and signature header, answering 200. */
function startReceiver() {
  const received = [];
  const waiters = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: req.headers["x-signature-v2"] });
      res.writeHead(200).end();
      waiters.filter((w) => received.length >= w.count).forEach((w) => w.resolve());
    });
  });
  const awaitCount = (count) => new Promise((resolve, reject) => {
    if (received.length >= count) return resolve();
    const timer = setTimeout(() => reject(new Error(`expected ${count} webhooks, got ${received.length}`)), WAIT_MS);
    waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(); } });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}/hooks`, received, awaitCount,
    close: () => new Promise((done) => server.close(done)),
  })));
}

async function createEndpoint(url, eventTypes) {
  const response = await fetch(`${signet.server.origin}/admin/v1/webhooks`, {
    method: "POST",
    headers: {
      Authorization: "Basic " + Buffer.from(`${signet.server.secretKey}:`).toString("base64"),
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ url, eventTypes }),
  });
  assert.equal(response.status, 200, await response.text());
}

describe("webhook.constructEvent", () => {
  let receiver;
  before(async () => {
    receiver = await startReceiver();
    await createEndpoint(receiver.url, ["authenticator.created", "authenticator.deleted"]);
  });
  after(async () => {
    await receiver?.close();
  });

  it("accepts authenticator.created and authenticator.deleted as Signet sends them", async () => {
    const userId = newUserId();
    const enrolled = await signet.authsignal.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: "SMS", phoneNumber: "+64271234567" },
    });
    const userAuthenticatorId = enrolled.authenticator.userAuthenticatorId;
    await signet.authsignal.deleteAuthenticator({ userId, userAuthenticatorId });
    await receiver.awaitCount(2);

    const [created, deleted] = receiver.received.map((r) => signet.authsignal.webhook.constructEvent(r.body, r.signature));
    for (const event of [created, deleted]) {
      assert.equal(event.version, 1);
      assert.equal(event.source, "https://authsignal.com");
      assert.equal(typeof event.tenantId, "string");
      assert.equal(event.data.userId, userId);
      assert.equal(event.data.userAuthenticatorId, userAuthenticatorId);
      assert.ok(Object.values(event.data).every((v) => typeof v === "string"));
    }
    assert.equal(created.type, "authenticator.created");
    assert.equal(created.data.verificationMethod, "SMS");
    assert.equal(created.data.phoneNumber, "+64271234567");
    assert.equal(deleted.type, "authenticator.deleted");
    assert.equal(deleted.sequence, created.sequence + 1);
  });

  it("rejects a delivery whose body was changed", () => {
    const { body, signature } = receiver.received[0];
    assert.throws(() => signet.authsignal.webhook.constructEvent(body.replace("SMS", "EMAIL_OTP"), signature),
      /Signature mismatch/);
  });
});
