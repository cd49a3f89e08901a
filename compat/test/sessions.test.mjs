// Sessions through @authsignal/node: createSession, validateSession, refreshSession, revokeSession,
// revokeUserSessions (docs/server-api.md §7.6 "Sessions"; test plan T20–T23).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { admin, assertAuthsignalError, newUserId, useSignet } from "../support/fixture.mjs";
import { totp } from "../support/totp.mjs";

const signet = useSignet();
const TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
let appClient;

/** The app client sessions are issued to, created through the admin API on first use. */
async function clientId() {
  appClient ??= await admin(signet.server, "POST", "/clients", { name: "compat suite" });
  return appClient.clientId;
}

/** A token from a track the rules ALLOW (a user with nothing enrolled), for a user with an email. */
async function allowedToken(userId, email = `${userId}@example.com`) {
  await signet.authsignal.updateUser({ userId, attributes: { email } });
  const tracked = await signet.authsignal.track({ userId, action: "signIn", attributes: {} });
  assert.equal(tracked.state, "ALLOW");
  return tracked.token;
}

async function newSession(userId = newUserId()) {
  return signet.authsignal.createSession({ clientId: await clientId(), token: await allowedToken(userId) });
}

/** Asserts that `call` fails as a rejected session token: 422 invalid_request_token (README "Sessions"). */
function assertRejectedToken(call) {
  return assertAuthsignalError(call, 422, "invalid_request_token");
}

describe("createSession and validateSession", () => {
  it("turn an allowed action's token into a session whose user validateSession returns", async () => {
    const userId = newUserId();
    const session = await newSession(userId);
    assert.match(session.accessToken, JWT);
    assert.ok(session.refreshToken.length > 0);

    const validated = await signet.authsignal.validateSession({ accessToken: session.accessToken, clientIds: [await clientId()] });
    assert.equal(validated.user.userId, userId);
    assert.equal(validated.user.email, `${userId}@example.com`);
    assert.ok(Number.isInteger(validated.expiresAt), `expiresAt ${validated.expiresAt}`);
    const now = Math.floor(Date.now() / 1000);
    assert.ok(validated.expiresAt > now && validated.expiresAt <= now + 600, `expiresAt ${validated.expiresAt}`);
  });

  it("carry the verification method of the challenge that made the action succeed", async () => {
    const userId = newUserId();
    await signet.authsignal.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: "AUTHENTICATOR_APP", otpUri: `otpauth://totp/Acme:jane?secret=${TOTP_SECRET}` },
    });
    const tracked = await signet.authsignal.track({ userId, action: "signIn", attributes: {} });
    assert.equal(tracked.state, "CHALLENGE_REQUIRED");
    const { challengeId } = await signet.authsignal.challenge({
      verificationMethod: "AUTHENTICATOR_APP", action: "signIn", userId, idempotencyKey: tracked.idempotencyKey,
    });
    assert.equal((await signet.authsignal.verify({ challengeId, verificationCode: totp(TOTP_SECRET) })).isVerified, true);

    const session = await signet.authsignal.createSession({ clientId: await clientId(), token: tracked.token });
    const validated = await signet.authsignal.validateSession({ accessToken: session.accessToken });
    assert.equal(validated.user.userId, userId);
    assert.equal(validated.verificationMethod, "AUTHENTICATOR_APP");
  });

  it("refuse a challenged action's token before the challenge succeeds", async () => {
    const userId = newUserId();
    await signet.authsignal.enrollVerifiedAuthenticator({
      userId, attributes: { verificationMethod: "EMAIL_OTP", email: `${userId}@example.com` },
    });
    const tracked = await signet.authsignal.track({ userId, action: "signIn", attributes: {} });
    await assertRejectedToken(signet.authsignal.createSession({ clientId: await clientId(), token: tracked.token }));
  });

  it("refuse the same token twice, an unknown clientId, and a validation for another client", async () => {
    const token = await allowedToken(newUserId());
    const session = await signet.authsignal.createSession({ clientId: await clientId(), token });
    await assertRejectedToken(signet.authsignal.createSession({ clientId: await clientId(), token }));
    await assertAuthsignalError(
      signet.authsignal.createSession({ clientId: "no-such-client", token: await allowedToken(newUserId()) }),
      400, "invalid_request");
    await assertRejectedToken(signet.authsignal.validateSession({
      accessToken: session.accessToken, clientIds: ["another-client"],
    }));
  });
});

describe("refreshSession", () => {
  it("returns a new pair; the old refresh token presented again ends the session", async () => {
    const userId = newUserId();
    const session = await newSession(userId);
    const refreshed = await signet.authsignal.refreshSession({ refreshToken: session.refreshToken });
    assert.match(refreshed.accessToken, JWT);
    assert.notEqual(refreshed.refreshToken, session.refreshToken);
    assert.notEqual(refreshed.accessToken, session.accessToken);
    assert.equal((await signet.authsignal.validateSession({ accessToken: refreshed.accessToken })).user.userId, userId);

    await assertRejectedToken(signet.authsignal.refreshSession({ refreshToken: session.refreshToken }));
    await assertRejectedToken(signet.authsignal.validateSession({ accessToken: refreshed.accessToken }));
    await assertRejectedToken(signet.authsignal.refreshSession({ refreshToken: refreshed.refreshToken }));
  });
});

describe("revokeSession and revokeUserSessions", () => {
  it("revokeSession ends that session only", async () => {
    const userId = newUserId();
    const revoked = await newSession(userId);
    const kept = await newSession(userId);
    assert.equal(await signet.authsignal.revokeSession({ accessToken: revoked.accessToken }), undefined);
    await assertRejectedToken(signet.authsignal.validateSession({ accessToken: revoked.accessToken }));
    await assertRejectedToken(signet.authsignal.refreshSession({ refreshToken: revoked.refreshToken }));
    assert.equal((await signet.authsignal.validateSession({ accessToken: kept.accessToken })).user.userId, userId);
  });

  it("revokeUserSessions ends every session of the user and no one else's", async () => {
    const userId = newUserId();
    const sessions = [await newSession(userId), await newSession(userId)];
    const other = await newSession();
    assert.equal(await signet.authsignal.revokeUserSessions({ userId }), undefined);
    for (const session of sessions) {
      await assertRejectedToken(signet.authsignal.validateSession({ accessToken: session.accessToken }));
    }
    assert.ok((await signet.authsignal.validateSession({ accessToken: other.accessToken })).user.userId);
  });
});
