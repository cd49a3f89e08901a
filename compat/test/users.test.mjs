// Users through @authsignal/node: getUser, updateUser, deleteUser, queryUsers (docs/server-api.md §7.1 "Users").
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { admin, assertAuthsignalError, newUserId, useSignet } from "../support/fixture.mjs";

const signet = useSignet();

describe("getUser", () => {
  it("answers an unknown user with isEnrolled false and no email", async () => {
    const userId = newUserId();
    const user = await signet.authsignal.getUser({ userId });
    assert.equal(user.isEnrolled, false);
    assert.equal(user.email, undefined);
    assert.deepEqual(user.enrolledVerificationMethods, []);
  });
});

describe("updateUser", () => {
  it("creates the user and echoes every attribute", async () => {
    const userId = newUserId();
    const attributes = {
      email: "jane@example.com",
      emailVerified: true,
      phoneNumber: "+64271234567",
      phoneNumberVerified: false,
      username: "jane.smith",
      displayName: "Jane Smith",
      custom: { foo: "bar", tier: "premium" },
    };
    const updated = await signet.authsignal.updateUser({ userId, attributes });
    assert.equal(updated.userId, userId);
    assert.equal(updated.email, "jane@example.com");
    assert.equal(updated.emailVerified, true);
    assert.equal(updated.phoneNumber, "+64271234567");
    assert.equal(updated.phoneNumberVerified, false);
    assert.equal(updated.username, "jane.smith");
    assert.equal(updated.displayName, "Jane Smith");
    assert.deepEqual(updated.custom, { foo: "bar", tier: "premium" });

    const user = await signet.authsignal.getUser({ userId });
    assert.equal(user.email, "jane@example.com");
    assert.equal(user.phoneNumber, "+64271234567");
    assert.equal(user.displayName, "Jane Smith");
    assert.deepEqual(user.custom, { foo: "bar", tier: "premium" });
  });

  it("leaves attributes that are not sent unchanged", async () => {
    const userId = newUserId();
    await signet.authsignal.updateUser({ userId, attributes: { email: "keep@example.com", username: "old" } });
    const updated = await signet.authsignal.updateUser({ userId, attributes: { username: "new" } });
    assert.equal(updated.email, "keep@example.com");
    assert.equal(updated.username, "new");
  });
});

describe("deleteUser", () => {
  it("removes the user so getUser answers as for a stranger", async () => {
    const userId = newUserId();
    await signet.authsignal.updateUser({ userId, attributes: { email: "gone@example.com" } });
    assert.equal(await signet.authsignal.deleteUser({ userId }), undefined);
    const user = await signet.authsignal.getUser({ userId });
    assert.equal(user.isEnrolled, false);
    assert.equal(user.email, undefined);
    const found = await signet.authsignal.queryUsers({ email: "gone@example.com" });
    assert.deepEqual(found.users, []);
  });
});

describe("queryUsers", () => {
  it("finds a user by email", async () => {
    const userId = newUserId();
    const email = `${userId}@example.com`;
    await signet.authsignal.updateUser({ userId, attributes: { email, username: userId } });
    const found = await signet.authsignal.queryUsers({ email });
    assert.equal(found.users.length, 1);
    assert.equal(found.users[0].userId, userId);
    assert.equal(found.users[0].email, email);
    assert.equal(found.users[0].username, userId);
    assert.equal(found.lastEvaluatedUserId, undefined);
  });

  it("answers no match with an empty list and no cursor", async () => {
    const found = await signet.authsignal.queryUsers({ email: "nobody-at-all@example.com" });
    assert.deepEqual(found.users, []);
    assert.equal(found.lastEvaluatedUserId, undefined);
  });

  it("round-trips a phone number with its leading +", async () => {
    const userId = newUserId();
    const phoneNumber = "+6427" + String(Date.now()).slice(-7);
    await signet.authsignal.updateUser({ userId, attributes: { phoneNumber } });
    const found = await signet.authsignal.queryUsers({ phoneNumber });
    assert.deepEqual(found.users.map((u) => [u.userId, u.phoneNumber]), [[userId, phoneNumber]]);
  });

  it("pages with limit and lastEvaluatedUserId until every match is seen once", async () => {
    const username = `shared-${newUserId()}`;
    const userIds = [newUserId(), newUserId(), newUserId()];
    for (const userId of userIds) {
      await signet.authsignal.updateUser({ userId, attributes: { username } });
    }
    const seen = [];
    let lastEvaluatedUserId;
    for (let page = 0; page < userIds.length + 1; page++) {
      const result = await signet.authsignal.queryUsers({ username, limit: 2, lastEvaluatedUserId });
      assert.ok(result.users.length <= 2, `page ${page} has ${result.users.length} users`);
      seen.push(...result.users.map((u) => u.userId));
      lastEvaluatedUserId = result.lastEvaluatedUserId;
      if (!lastEvaluatedUserId) break;
    }
    assert.deepEqual([...seen].sort(), [...userIds].sort());
  });
});

describe("user custom data every official SDK can read", () => {
  it("refuses a nested object or array with a 400 that says why, and keeps the stored custom", async () => {
    const userId = newUserId();
    await signet.authsignal.updateUser({ userId, attributes: { custom: { plan: "pro", seats: 3, trial: false } } });
    await assertAuthsignalError(
      signet.authsignal.updateUser({ userId, attributes: { custom: { address: { city: "Wellington" } } } }),
      400, "invalid_request", /^'custom\.address' is an object; .*Java and \.NET SDKs read a user's custom as a map of strings.*allowNestedCustomData/);
    await assertAuthsignalError(
      signet.authsignal.updateUser({ userId, attributes: { custom: { roles: ["admin"] } } }),
      400, "invalid_request", /^'custom\.roles' is an array; /);
    const user = await signet.authsignal.getUser({ userId });
    assert.deepEqual(user.custom, { plan: "pro", seats: 3, trial: false });
  });

  it("stores nested values once the tenant turns on allowNestedCustomData", async () => {
    const userId = newUserId();
    await admin(signet.server, "PATCH", "/settings", { allowNestedCustomData: true });
    try {
      const updated = await signet.authsignal.updateUser({ userId, attributes: { custom: { address: { city: "Wellington" } } } });
      assert.deepEqual(updated.custom, { address: { city: "Wellington" } });
    } finally {
      await admin(signet.server, "PATCH", "/settings", { allowNestedCustomData: false });
    }
  });
});
