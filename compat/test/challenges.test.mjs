// Server-driven OTP through @authsignal/node: challenge, verify, claimChallenge, getChallenge, and the
// validateChallenge they lead to (docs/server-api.md §7.4 "validateChallenge", §7.5; test plan T15–T19). Codes are read from
// the server log (SIGNET_DEV_DELIVERY=stdout), as the README documents for local development.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAuthsignalError, enrollSms, newUserId, useSignet } from "../support/fixture.mjs";
import { codeSentTo, DEV_DELIVERY } from "../support/dev-delivery.mjs";
import { totp } from "../support/totp.mjs";

const signet = useSignet(DEV_DELIVERY);
const TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/** A phone number no other test uses, so the log lines of one test never answer another's. */
function uniquePhoneNumber() {
  return "+6427" + String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
}

function uniqueEmail() {
  return `${newUserId()}@example.com`;
}

/** A code that is not `code`. */
function wrong(code) {
  return code === "000000" ? "111111" : "000000";
}

function assertExpiresInAboutTenMinutes(expiresAt) {
  assert.ok(Number.isInteger(expiresAt), `expiresAt ${expiresAt} is integer seconds`);
  const now = Math.floor(Date.now() / 1000);
  assert.ok(expiresAt > now + 500 && expiresAt <= now + 610, `expiresAt ${expiresAt}, now ${now}`);
}

describe("challenge and verify", () => {
  const contacts = [
    ["EMAIL_OTP", "email", uniqueEmail],
    ["SMS", "phoneNumber", uniquePhoneNumber],
    ["WHATSAPP", "phoneNumber", uniquePhoneNumber],
  ];
  for (const [verificationMethod, field, contact] of contacts) {
    it(`${verificationMethod}: the code sent verifies once, a wrong one does not`, async () => {
      const to = contact();
      const started = await signet.authsignal.challenge({
        verificationMethod, action: "signIn", userId: newUserId(), [field]: to,
      });
      assert.ok(started.challengeId.length > 0);
      assert.ok(started.idempotencyKey.length > 0);
      assertExpiresInAboutTenMinutes(started.expiresAt);
      const code = await codeSentTo(signet.server, to);
      assert.match(code, /^\d{6}$/);

      const miss = await signet.authsignal.verify({ challengeId: started.challengeId, verificationCode: wrong(code) });
      assert.equal(miss.isVerified, false);
      assert.equal(miss.failureReason, "CODE_INVALID_OR_EXPIRED");

      const hit = await signet.authsignal.verify({ challengeId: started.challengeId, verificationCode: code });
      assert.equal(hit.isVerified, true);
      assert.equal(hit.verificationMethod, verificationMethod);
      assert.equal(hit[field], to);
      assert.equal(hit.failureReason, undefined);

      const again = await signet.authsignal.verify({ challengeId: started.challengeId, verificationCode: code });
      assert.equal(again.isVerified, false);
    });
  }

  it("a re-send keeps the challenge and only the newest code works", async () => {
    const email = uniqueEmail();
    const first = await signet.authsignal.challenge({ verificationMethod: "EMAIL_OTP", action: "signIn", email });
    const oldCode = await codeSentTo(signet.server, email, 0);
    const resent = await signet.authsignal.challenge({
      verificationMethod: "EMAIL_OTP", action: "signIn", email, challengeId: first.challengeId,
    });
    assert.equal(resent.challengeId, first.challengeId);
    const newCode = await codeSentTo(signet.server, email, 1);
    const stale = await signet.authsignal.verify({ challengeId: first.challengeId, verificationCode: oldCode });
    assert.equal(stale.isVerified, false);
    const fresh = await signet.authsignal.verify({ challengeId: first.challengeId, verificationCode: newCode });
    assert.equal(fresh.isVerified, true);
  });

  it("after five wrong codes even the right one answers MAX_ATTEMPTS_EXCEEDED", async () => {
    const phoneNumber = uniquePhoneNumber();
    const { challengeId } = await signet.authsignal.challenge({ verificationMethod: "SMS", action: "signIn", phoneNumber });
    const code = await codeSentTo(signet.server, phoneNumber);
    for (let attempt = 0; attempt < 5; attempt++) {
      await signet.authsignal.verify({ challengeId, verificationCode: wrong(code) });
    }
    const blocked = await signet.authsignal.verify({ challengeId, verificationCode: code });
    assert.equal(blocked.isVerified, false);
    assert.equal(blocked.failureReason, "MAX_ATTEMPTS_EXCEEDED");
  });

  it("AUTHENTICATOR_APP (Signet extension): the app's current code verifies", async () => {
    const userId = newUserId();
    await signet.authsignal.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: "AUTHENTICATOR_APP", otpUri: `otpauth://totp/Acme:jane?secret=${TOTP_SECRET}&issuer=Acme` },
    });
    const { challengeId } = await signet.authsignal.challenge({ verificationMethod: "AUTHENTICATOR_APP", action: "signIn", userId });
    const result = await signet.authsignal.verify({ challengeId, verificationCode: totp(TOTP_SECRET) });
    assert.equal(result.isVerified, true);
    assert.equal(result.verificationMethod, "AUTHENTICATOR_APP");
  });

  it("RECOVERY_CODE (Signet extension): a recovery code from the first enrollment verifies once", async () => {
    const userId = newUserId();
    const { recoveryCodes } = await enrollSms(signet.authsignal, userId, uniquePhoneNumber());
    const first = await signet.authsignal.challenge({ verificationMethod: "RECOVERY_CODE", action: "signIn", userId });
    const used = await signet.authsignal.verify({ challengeId: first.challengeId, verificationCode: recoveryCodes[0] });
    assert.equal(used.isVerified, true);
    assert.equal(used.verificationMethod, "RECOVERY_CODE");
    assert.equal(used.recoveryCodesRemaining, recoveryCodes.length - 1);

    const second = await signet.authsignal.challenge({ verificationMethod: "RECOVERY_CODE", action: "signIn", userId });
    const reused = await signet.authsignal.verify({ challengeId: second.challengeId, verificationCode: recoveryCodes[0] });
    assert.equal(reused.isVerified, false);
  });

  it("a challenge without action is an AuthsignalError 400 naming the field", async () => {
    await assertAuthsignalError(
      signet.authsignal.challenge({ verificationMethod: "SMS", phoneNumber: uniquePhoneNumber() }),
      400, "invalid_request", /'action'/);
  });
});

describe("getChallenge", () => {
  it("answers the active challenge by challengeId, and by userId and action", async () => {
    const userId = newUserId();
    const phoneNumber = uniquePhoneNumber();
    const started = await signet.authsignal.challenge({ verificationMethod: "SMS", action: "transfer", userId, phoneNumber });
    for (const filter of [{ challengeId: started.challengeId }, { userId, action: "transfer" }]) {
      const found = await signet.authsignal.getChallenge(filter);
      assert.equal(found.challengeId, started.challengeId, JSON.stringify(filter));
      assert.equal(found.expiresAt, started.expiresAt);
      assert.equal(found.verificationMethod, "SMS");
      assert.equal(found.phoneNumber, phoneNumber);
      assert.equal(found.action, "transfer");
    }
  });
});

describe("claimChallenge and validateChallenge", () => {
  it("a verified challenge claimed for a user gives a token that validates as CHALLENGE_SUCCEEDED", async () => {
    const email = uniqueEmail();
    const { challengeId } = await signet.authsignal.challenge({ verificationMethod: "EMAIL_OTP", action: "signIn", email });
    await signet.authsignal.verify({ challengeId, verificationCode: await codeSentTo(signet.server, email) });
    const userId = newUserId();

    const claimed = await signet.authsignal.claimChallenge({ challengeId, userId });
    assert.ok(claimed.token.length > 0);
    assert.equal(claimed.verificationMethod, "EMAIL_OTP");

    const result = await signet.authsignal.validateChallenge({ token: claimed.token, userId, action: "signIn" });
    assert.equal(result.isValid, true);
    assert.equal(result.state, "CHALLENGE_SUCCEEDED");
    assert.equal(result.userId, userId);
    assert.equal(result.action, "signIn");
    assert.equal(result.verificationMethod, "EMAIL_OTP");
  });

  it("claiming a challenge that was not verified is an AuthsignalError", async () => {
    const { challengeId } = await signet.authsignal.challenge({
      verificationMethod: "EMAIL_OTP", action: "signIn", email: uniqueEmail(),
    });
    await assertAuthsignalError(signet.authsignal.claimChallenge({ challengeId, userId: newUserId() }),
      400, "invalid_request", /has not been verified/);
  });

  it("track → challenge with the track's idempotencyKey → verify makes the track token valid", async () => {
    const userId = newUserId();
    const phoneNumber = uniquePhoneNumber();
    await enrollSms(signet.authsignal, userId, phoneNumber);
    const tracked = await signet.authsignal.track({ userId, action: "signIn", attributes: {} });
    assert.equal(tracked.state, "CHALLENGE_REQUIRED");
    const { challengeId } = await signet.authsignal.challenge({
      verificationMethod: "SMS", action: "signIn", userId, idempotencyKey: tracked.idempotencyKey,
    });
    const verified = await signet.authsignal.verify({
      challengeId, verificationCode: await codeSentTo(signet.server, phoneNumber),
    });
    assert.equal(verified.isVerified, true);
    assert.equal(verified.phoneNumber, phoneNumber);

    const result = await signet.authsignal.validateChallenge({ token: tracked.token, userId, action: "signIn" });
    assert.equal(result.isValid, true);
    assert.equal(result.state, "CHALLENGE_SUCCEEDED");
    assert.equal(result.verificationMethod, "SMS");
    assert.equal(result.idempotencyKey, tracked.idempotencyKey);
    const action = await signet.authsignal.getAction({ userId, action: "signIn", idempotencyKey: tracked.idempotencyKey });
    assert.equal(action.state, "CHALLENGE_SUCCEEDED");
  });
});
