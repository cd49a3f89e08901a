// Webhook deliveries verified by the official SDK's authsignal.webhook.constructEvent (authsignal-api.md
// §9; test plan T25). The endpoint is a local receiver on 127.0.0.1, which Signet only calls with
// SIGNET_WEBHOOK_ALLOW_PRIVATE=true.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { admin, enrollSms, newUserId, sdk, useSignet } from "../support/fixture.mjs";
import { startWebhookReceiver } from "../support/webhook-receiver.mjs";

const signet = useSignet({ SIGNET_WEBHOOK_ALLOW_PRIVATE: "true", SIGNET_WEBHOOK_POLL_MILLIS: "100" });
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
