// Actions through @authsignal/node: track, getAction, updateAction, queryUserActions, validateChallenge
// (docs/server-api.md §7.3 "Actions", §7.4, §8; test plan T11–T15).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { assertAuthsignalError, enrollSms, newUserId, useSignet } from "../support/fixture.mjs";

const signet = useSignet();
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function track(userId, action, attributes) {
  return signet.authsignal.track({ userId, action, attributes });
}

/** An enrolled user's track of `action`, which Signet challenges by default. */
async function challengedAction(action = "signIn", attributes = {}) {
  const userId = newUserId();
  await enrollSms(signet.authsignal, userId);
  return { userId, action, response: await track(userId, action, attributes) };
}

describe("track", () => {
  it("accepts empty attributes and allows a user who has nothing enrolled", async () => {
    const userId = newUserId();
    const response = await track(userId, "signIn", {});
    assert.equal(response.state, "ALLOW");
    assert.equal(response.isEnrolled, false);
    assert.ok(response.idempotencyKey.length > 0);
    assert.ok(response.token.length > 0);
  });

  it("challenges an enrolled user by default, with token, url, idempotencyKey and isEnrolled", async () => {
    const { response } = await challengedAction("Login");
    assert.equal(response.state, "CHALLENGE_REQUIRED");
    assert.equal(response.isEnrolled, true);
    assert.match(response.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.match(response.url, /^http:\/\/127\.0\.0\.1:\d+\/\S+/);
    assert.ok(response.idempotencyKey.length > 0);
    assert.ok(response.enrolledVerificationMethods.includes("SMS"), response.enrolledVerificationMethods);
  });

  it("echoes a caller's idempotencyKey and answers the same action when it is sent again", async () => {
    const userId = newUserId();
    const idempotencyKey = randomUUID();
    const first = await track(userId, "signIn", { idempotencyKey, ipAddress: "203.0.113.7" });
    const again = await track(userId, "signIn", { idempotencyKey, ipAddress: "203.0.113.7" });
    assert.equal(first.idempotencyKey, idempotencyKey);
    assert.equal(again.idempotencyKey, idempotencyKey);
    assert.equal(again.state, first.state);
    const actions = await signet.authsignal.queryUserActions({ userId });
    assert.equal(actions.length, 1);
  });

  it("creates the user from the track's email and username", async () => {
    const userId = newUserId();
    await track(userId, "signUp", { email: "tracked@example.com", username: "tracked" });
    const user = await signet.authsignal.getUser({ userId });
    assert.equal(user.email, "tracked@example.com");
    assert.equal(user.username, "tracked");
  });

  it("rejects an action code with a space with an AuthsignalError 400", async () => {
    await assertAuthsignalError(track(newUserId(), "sign in", {}), 400, "invalid_request");
  });
});

describe("track's custom data", () => {
  it("is kept with the action, and the user's custom stays as updateUser set it", async () => {
    const userId = newUserId();
    await signet.authsignal.updateUser({ userId, attributes: { custom: { plan: "pro" } } });
    const tracked = await track(userId, "purchase", { custom: { amount: 250, currency: "NZD" } });

    const user = await signet.authsignal.getUser({ userId });
    assert.deepEqual(user.custom, { plan: "pro" });
    const action = await signet.authsignal.getAction({ userId, action: "purchase", idempotencyKey: tracked.idempotencyKey });
    assert.deepEqual(action.custom, { amount: 250, currency: "NZD" });
    const [listed] = await signet.authsignal.queryUserActions({ userId, actionCodes: ["purchase"] });
    assert.equal(listed.idempotencyKey, tracked.idempotencyKey);
    assert.deepEqual(listed.custom, { amount: 250, currency: "NZD" });
  });
});

describe("getAction", () => {
  it("answers the tracked action's state and times", async () => {
    const { userId, action, response } = await challengedAction();
    const got = await signet.authsignal.getAction({ userId, action, idempotencyKey: response.idempotencyKey });
    assert.equal(got.state, "CHALLENGE_REQUIRED");
    assert.match(got.createdAt, ISO_TIME);
    assert.match(got.stateUpdatedAt, ISO_TIME);
  });

  it("answers an unknown idempotencyKey with an AuthsignalError 404 not_found", async () => {
    await assertAuthsignalError(
      signet.authsignal.getAction({ userId: newUserId(), action: "signIn", idempotencyKey: randomUUID() }),
      404, "not_found");
  });
});

describe("updateAction", () => {
  it("moves a challenged action to REVIEW_REQUIRED, which getAction then reports", async () => {
    const { userId, action, response } = await challengedAction();
    const { idempotencyKey } = response;
    const updated = await signet.authsignal.updateAction({
      userId, action, idempotencyKey, attributes: { state: "REVIEW_REQUIRED" },
    });
    assert.equal(updated.state, "REVIEW_REQUIRED");
    const got = await signet.authsignal.getAction({ userId, action, idempotencyKey });
    assert.equal(got.state, "REVIEW_REQUIRED");
  });
});

describe("queryUserActions", () => {
  it("lists the user's actions newest first and filters by codes and state", async () => {
    const userId = newUserId();
    await enrollSms(signet.authsignal, userId);
    const signIn = await track(userId, "signIn", {});
    const transfer = await track(userId, "transfer", {});
    await signet.authsignal.updateAction({
      userId, action: "transfer", idempotencyKey: transfer.idempotencyKey, attributes: { state: "REVIEW_REQUIRED" },
    });

    const all = await signet.authsignal.queryUserActions({ userId });
    assert.deepEqual(all.map((a) => [a.actionCode, a.idempotencyKey, a.state]), [
      ["transfer", transfer.idempotencyKey, "REVIEW_REQUIRED"],
      ["signIn", signIn.idempotencyKey, "CHALLENGE_REQUIRED"],
    ]);
    assert.match(all[1].createdAt, ISO_TIME);

    const byCode = await signet.authsignal.queryUserActions({ userId, actionCodes: ["signIn", "other"] });
    assert.deepEqual(byCode.map((a) => a.idempotencyKey), [signIn.idempotencyKey]);
    const byState = await signet.authsignal.queryUserActions({ userId, state: "REVIEW_REQUIRED" });
    assert.deepEqual(byState.map((a) => a.idempotencyKey), [transfer.idempotencyKey]);
  });
});

describe("validateChallenge", () => {
  it("reports a challenged action as not valid yet, with its state, user, action and idempotencyKey", async () => {
    const { userId, action, response } = await challengedAction();
    const result = await signet.authsignal.validateChallenge({ token: response.token, userId, action });
    assert.equal(result.isValid, false);
    assert.equal(result.state, "CHALLENGE_REQUIRED");
    assert.equal(result.userId, userId);
    assert.equal(result.action, action);
    assert.equal(result.idempotencyKey, response.idempotencyKey);
  });

  it("reports an allowed action as valid", async () => {
    const userId = newUserId();
    const response = await track(userId, "signIn", {});
    const result = await signet.authsignal.validateChallenge({ token: response.token });
    assert.equal(result.isValid, true);
    assert.equal(result.state, "ALLOW");
    assert.equal(result.userId, userId);
    assert.equal(result.action, "signIn");
  });

  it("is not valid for another userId or another action than the token's", async () => {
    const userId = newUserId();
    const { token } = await track(userId, "signIn", {});
    for (const mismatch of [{ userId: newUserId() }, { action: "transfer" }]) {
      const result = await signet.authsignal.validateChallenge({ token, ...mismatch });
      assert.equal(result.isValid, false, JSON.stringify(mismatch));
      assert.ok(result.error.length > 0, JSON.stringify(result));
    }
  });

  it("is not valid for a garbage token, with an error text", async () => {
    const result = await signet.authsignal.validateChallenge({ token: "not-a-token" });
    assert.equal(result.isValid, false);
    assert.ok(result.error.length > 0, JSON.stringify(result));
  });
});
