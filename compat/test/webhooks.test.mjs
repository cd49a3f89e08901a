// Webhook deliveries verified by the official SDK's authsignal.webhook.constructEvent (docs/server-api.md
// §9 "Webhooks"; test plan T25). The endpoint is a local receiver on 127.0.0.1, which Signet only calls with
// SIGNET_WEBHOOK_ALLOW_PRIVATE=true.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { admin, enrollSms, newUserId, sdk, useSignet } from "../support/fixture.mjs";
import { codeSentTo, DEV_DELIVERY } from "../support/dev-delivery.mjs";
import { constructLogEventBatch } from "../support/log-batch.mjs";
import { eventually } from "../support/eventually.mjs";
import { startWebhookReceiver } from "../support/webhook-receiver.mjs";

const signet = useSignet({ SIGNET_WEBHOOK_ALLOW_PRIVATE: "true", SIGNET_WEBHOOK_POLL_MILLIS: "100", ...DEV_DELIVERY });
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const SIGNATURE = /^t=\d+(,v2=[A-Za-z0-9+/]{43})+$/;
let receiver;

/** The delivery of event `type` about `userId`, verified by the SDK; resolves with {delivery, event}. */
async function verifiedDelivery(type, userId) {
  const delivery = await receiver.waitFor(`${type} for ${userId}`, (body) => body.type === type && body.data.userId === userId);
  const signature = delivery.headers["x-signature-v2"];
  assert.match(signature, SIGNATURE);
  assert.equal(delivery.method, "POST");
  assert.match(delivery.headers["content-type"], /^application\/json/);
  return { delivery, event: signet.authsignal.webhook.constructEvent(delivery.rawBody, signature) };
}

describe("webhook.constructEvent", () => {
  before(async () => {
    receiver = await startWebhookReceiver();
    const endpoint = await admin(signet.server, "POST", "/webhooks", {
      url: receiver.url, eventTypes: ["authenticator.created", "authenticator.deleted"],
    });
    assert.equal(endpoint.url, receiver.url);
    assert.equal(endpoint.enabled, true);
  });

  after(() => receiver?.close());

  it("accepts authenticator.created with Authsignal's envelope and string data", async () => {
    const userId = newUserId();
    const { authenticator } = await enrollSms(signet.authsignal, userId, "+64271234567");
    const { event } = await verifiedDelivery("authenticator.created", userId);
    assert.equal(event.version, 1);
    assert.equal(event.type, "authenticator.created");
    assert.equal(event.source, "https://authsignal.com");
    assert.match(event.id, /^[0-9a-f-]{36}$/);
    assert.match(event.time, ISO_TIME);
    assert.ok(event.tenantId.length > 0);
    assert.equal(event.data.userAuthenticatorId, authenticator.userAuthenticatorId);
    assert.equal(event.data.verificationMethod, "SMS");
    assert.equal(event.data.phoneNumber, "+64271234567");
    assert.equal(event.data.createdAt, authenticator.createdAt);
    for (const [field, value] of Object.entries(event.data)) assert.equal(typeof value, "string", field);
  });

  it("accepts authenticator.deleted after deleteAuthenticator", async () => {
    const userId = newUserId();
    const { authenticator } = await signet.authsignal.enrollVerifiedAuthenticator({
      userId, attributes: { verificationMethod: "EMAIL_OTP", email: "hook@example.com" },
    });
    await signet.authsignal.deleteAuthenticator({ userId, userAuthenticatorId: authenticator.userAuthenticatorId });
    const { event } = await verifiedDelivery("authenticator.deleted", userId);
    assert.equal(event.data.userAuthenticatorId, authenticator.userAuthenticatorId);
    assert.equal(event.data.verificationMethod, "EMAIL_OTP");
    const created = await verifiedDelivery("authenticator.created", userId);
    assert.equal(event.sequence, created.event.sequence + 1, "Signet's sequence counts the tenant's events");
  });

  it("rejects a tampered body, another tenant's key, and an old delivery outside the tolerance", async () => {
    const userId = newUserId();
    await enrollSms(signet.authsignal, userId);
    const { delivery } = await verifiedDelivery("authenticator.created", userId);
    const signature = delivery.headers["x-signature-v2"];
    const tampered = delivery.rawBody.replace(userId, newUserId());
    assert.throws(() => signet.authsignal.webhook.constructEvent(tampered, signature), /Signature mismatch\./);
    const otherTenant = sdk(signet.server.apiUrl, "sk_test_someone_else");
    assert.throws(() => otherTenant.webhook.constructEvent(delivery.rawBody, signature), /Signature mismatch\./);
    const signedAt = Number(/^t=(\d+)/.exec(signature)[1]);
    const aged = signature.replace(/^t=\d+/, `t=${signedAt - 3600}`);
    assert.throws(() => signet.authsignal.webhook.constructEvent(delivery.rawBody, aged),
      /Timestamp is outside the tolerance zone\./);
  });
});

/** Subscribes a fresh receiver (answering `status`) to `eventTypes`; resolves with {receiver, endpointId}. */
async function subscribed(eventTypes, status = 200) {
  const hooks = await startWebhookReceiver({ status });
  const endpoint = await admin(signet.server, "POST", "/webhooks", { url: hooks.url, eventTypes });
  return { receiver: hooks, endpointId: endpoint.endpointId };
}

/** Starts an SMS challenge for the user's enrolled `phoneNumber` and verifies it with the code Signet sent. */
async function verifySms(userId, phoneNumber, idempotencyKey) {
  const earlier = (signet.server.output().match(new RegExp(`to \\${phoneNumber}:`, "g")) ?? []).length;
  const { challengeId } = await signet.authsignal.challenge({ verificationMethod: "SMS", action: "signIn", userId, idempotencyKey });
  const verificationCode = await codeSentTo(signet.server, phoneNumber, earlier);
  const verified = await signet.authsignal.verify({ challengeId, verificationCode });
  assert.equal(verified.isVerified, true);
}

describe("events Signet raises itself, verified by the SDK", () => {
  it("authenticator.updated when a verification stamps lastVerifiedAt", async () => {
    const { receiver: hooks, endpointId } = await subscribed(["authenticator.updated"]);
    try {
      const userId = newUserId();
      const phoneNumber = "+64275550123";
      const { authenticator } = await enrollSms(signet.authsignal, userId, phoneNumber);
      await verifySms(userId, phoneNumber);
      const delivery = await hooks.waitFor("authenticator.updated", (b) => b.data.userId === userId);
      const event = signet.authsignal.webhook.constructEvent(delivery.rawBody, delivery.headers["x-signature-v2"]);
      assert.equal(event.type, "authenticator.updated");
      assert.equal(event.data.userAuthenticatorId, authenticator.userAuthenticatorId);
      const [listed] = await signet.authsignal.getAuthenticators({ userId });
      assert.equal(event.data.lastVerifiedAt, listed.lastVerifiedAt);
    } finally {
      await admin(signet.server, "DELETE", `/webhooks/${endpointId}`);
      await hooks.close();
    }
  });

  it("action.verify: a non-2xx answer keeps the action from CHALLENGE_SUCCEEDED", async () => {
    const { receiver: hooks, endpointId } = await subscribed(["action.verify"], 403);
    try {
      const userId = newUserId();
      const phoneNumber = "+64275550124";
      await enrollSms(signet.authsignal, userId, phoneNumber);
      const tracked = await signet.authsignal.track({ userId, action: "signIn" });
      assert.equal(tracked.state, "CHALLENGE_REQUIRED");
      await verifySms(userId, phoneNumber, tracked.idempotencyKey);

      const validated = await signet.authsignal.validateChallenge({ token: tracked.token });
      assert.equal(validated.isValid, false);
      assert.equal(validated.state, "CHALLENGE_FAILED");
      const [call] = hooks.deliveries;
      const event = signet.authsignal.webhook.constructEvent(call.rawBody, call.headers["x-signature-v2"]);
      assert.equal(event.type, "action.verify");
      assert.equal(event.data.userId, userId);
      assert.equal(event.data.idempotencyKey, tracked.idempotencyKey);
      assert.equal(event.data.verificationMethod, "SMS");
    } finally {
      await admin(signet.server, "DELETE", `/webhooks/${endpointId}`);
      await hooks.close();
    }
  });

  it("action.log_created and challenge.log_created arrive as signed {records: [...]} batches", async () => {
    const { receiver: hooks, endpointId } = await subscribed(["action.log_created", "challenge.log_created"]);
    try {
      const userId = newUserId();
      const phoneNumber = "+64275550125";
      await enrollSms(signet.authsignal, userId, phoneNumber);
      const tracked = await signet.authsignal.track({ userId, action: "signIn" });
      await verifySms(userId, phoneNumber, tracked.idempotencyKey);
      const ofUser = () => hooks.deliveries.flatMap((d) =>
        constructLogEventBatch(signet.authsignal, d.rawBody, d.headers["x-signature-v2"]))
        .filter((r) => r.record.userId === userId);
      const records = await eventually("four log records", () => (ofUser().length >= 4 ? ofUser() : undefined));
      const steps = records.map((r) => `${r.type} ${r.record.state ?? r.record.step}`).sort();
      assert.deepEqual(steps, ["action.log_created CHALLENGE_REQUIRED", "action.log_created CHALLENGE_SUCCEEDED",
        "challenge.log_created CREATED", "challenge.log_created VERIFIED"]);
      assert.ok(records.every((r) => r.record.idempotencyKey === tracked.idempotencyKey));
    } finally {
      await admin(signet.server, "DELETE", `/webhooks/${endpointId}`);
      await hooks.close();
    }
  });

  it("refuses a subscription to an event Signet cannot send", async () => {
    await assert.rejects(admin(signet.server, "POST", "/webhooks", { url: "http://127.0.0.1:9/x", eventTypes: ["push.created"] }),
      /answered 400: .*push\.created, which Signet never sends/);
  });
});
