// Secret key rotation seen by an integrator: during the overlap every webhook carries one v2
// signature per active key (docs/server-api.md §9.1 "Signature header"), so the official SDK's webhook.constructEvent accepts a
// delivery with the old key and with the new one; after the old key is revoked it signs no more, and the
// SDK with the old key is refused by the API and by the webhook check alike.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { admin, assertAuthsignalError, enrollSms, newUserId, sdk, useSignet } from "../support/fixture.mjs";
import { startWebhookReceiver } from "../support/webhook-receiver.mjs";

const signet = useSignet({ SIGNET_WEBHOOK_ALLOW_PRIVATE: "true", SIGNET_WEBHOOK_POLL_MILLIS: "100" });
const ONE_SIGNATURE = /^t=\d+,v2=[A-Za-z0-9+/]{43}$/;
const TWO_SIGNATURES = /^t=\d+,v2=[A-Za-z0-9+/]{43},v2=[A-Za-z0-9+/]{43}$/;
let receiver;

/** The signed delivery of authenticator.created for a freshly enrolled user: {rawBody, signature}. */
async function deliveryForNewUser(authsignal) {
  const userId = newUserId();
  await enrollSms(authsignal, userId);
  const delivery = await receiver.waitFor(`authenticator.created for ${userId}`,
    (body) => body.type === "authenticator.created" && body.data.userId === userId);
  return { rawBody: delivery.rawBody, signature: delivery.headers["x-signature-v2"] };
}

describe("secret key rotation", () => {
  before(async () => {
    receiver = await startWebhookReceiver();
    await admin(signet.server, "POST", "/webhooks", { url: receiver.url, eventTypes: ["authenticator.created"] });
  });

  after(() => receiver?.close());

  it("signs with both keys during the overlap and with the new key alone after the old one is revoked", async () => {
    const oldClient = signet.authsignal;
    const { keys } = await admin(signet.server, "GET", "/keys");
    assert.equal(keys.length, 1);
    const oldKeyId = keys[0].keyId;
    const rotated = await admin(signet.server, "POST", "/keys/rotate", {});
    assert.match(rotated.secretKey, /^sk_/);
    const newClient = sdk(signet.server.apiUrl, rotated.secretKey);

    const overlap = await deliveryForNewUser(newClient);
    assert.match(overlap.signature, TWO_SIGNATURES);
    for (const client of [oldClient, newClient]) {
      const event = client.webhook.constructEvent(overlap.rawBody, overlap.signature);
      assert.equal(event.type, "authenticator.created");
    }
    assert.throws(() => sdk(signet.server.apiUrl, "sk_test_someone_else").webhook
      .constructEvent(overlap.rawBody, overlap.signature), /Signature mismatch\./);

    await admin({ ...signet.server, secretKey: rotated.secretKey }, "DELETE", `/keys/${oldKeyId}`);
    await assertAuthsignalError(() => oldClient.getUser({ userId: newUserId() }), 401, "unauthorized");

    const afterRevoke = await deliveryForNewUser(newClient);
    assert.match(afterRevoke.signature, ONE_SIGNATURE);
    assert.equal(newClient.webhook.constructEvent(afterRevoke.rawBody, afterRevoke.signature).type,
      "authenticator.created");
    assert.throws(() => oldClient.webhook.constructEvent(afterRevoke.rawBody, afterRevoke.signature),
      /Signature mismatch\./);
  });
});
