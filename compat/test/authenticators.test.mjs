// Authenticators through @authsignal/node: enrollVerifiedAuthenticator for every enrollable method,
// getAuthenticators, deleteAuthenticator (docs/server-api.md §5.1 "UserAuthenticator", §5.2, §7.2; test plan T3, T5, T7, T8, T10).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAuthsignalError, newUserId, useSignet } from "../support/fixture.mjs";
import { credentialId, es256PublicKey } from "../support/passkeys.mjs";

const signet = useSignet();

const ICLOUD_KEYCHAIN = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const RECOVERY_CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const TOTP_URI = "otpauth://totp/Acme:jane?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme";

function enroll(userId, attributes) {
  return signet.authsignal.enrollVerifiedAuthenticator({ userId, attributes });
}

function list(userId) {
  return signet.authsignal.getAuthenticators({ userId });
}

/** Asserts the fields every authenticator carries (§5.1) and returns it. */
function assertAuthenticator(authenticator, userId, verificationMethod) {
  assert.equal(authenticator.userId, userId);
  assert.equal(authenticator.verificationMethod, verificationMethod);
  assert.match(authenticator.userAuthenticatorId, /^[0-9a-f-]{36}$/);
  assert.match(authenticator.createdAt, ISO_TIME);
  return authenticator;
}

describe("enrollVerifiedAuthenticator", () => {
  const contactMethods = [
    ["SMS", { phoneNumber: "+64271234567" }],
    ["WHATSAPP", { phoneNumber: "+64271234568" }],
    ["EMAIL_OTP", { email: "otp@example.com" }],
    ["EMAIL_MAGIC_LINK", { email: "link@example.com" }],
  ];
  for (const [verificationMethod, contact] of contactMethods) {
    it(`enrolls ${verificationMethod} and returns its contact`, async () => {
      const userId = newUserId();
      const { authenticator } = await enroll(userId, { verificationMethod, ...contact });
      assertAuthenticator(authenticator, userId, verificationMethod);
      assert.equal(authenticator.phoneNumber, contact.phoneNumber);
      assert.equal(authenticator.email, contact.email);
      const user = await signet.authsignal.getUser({ userId });
      assert.equal(user.isEnrolled, true);
      assert.ok(user.enrolledVerificationMethods.includes(verificationMethod), user.enrolledVerificationMethods);
    });
  }

  it("enrolls AUTHENTICATOR_APP from an otpauth URI without echoing the secret", async () => {
    const userId = newUserId();
    const response = await enroll(userId, { verificationMethod: "AUTHENTICATOR_APP", otpUri: TOTP_URI });
    assertAuthenticator(response.authenticator, userId, "AUTHENTICATOR_APP");
    assert.doesNotMatch(JSON.stringify(response), /GEZDGNBVGY3TQOJQ/);
  });

  it("enrolls a PASSKEY from a COSE key, named by its AAGUID, with the user's username", async () => {
    const userId = newUserId();
    await signet.authsignal.updateUser({ userId, attributes: { username: "jane.passkey", displayName: "Jane P" } });
    const id = credentialId();
    const { authenticator } = await enroll(userId, {
      verificationMethod: "PASSKEY",
      credentialId: id,
      credentialPublicKey: es256PublicKey(),
      name: "Jane's MacBook",
      aaguid: ICLOUD_KEYCHAIN,
    });
    assertAuthenticator(authenticator, userId, "PASSKEY");
    assert.equal(authenticator.username, "jane.passkey");
    assert.equal(authenticator.displayName, "Jane P");
    const credential = authenticator.webauthnCredential;
    assert.equal(credential.credentialId, id);
    assert.equal(credential.name, "Jane's MacBook");
    assert.equal(credential.aaguid, ICLOUD_KEYCHAIN);
    assert.equal(credential.aaguidMapping.name, "iCloud Keychain");
    assert.match(credential.aaguidMapping.svgIconLight, /^data:image\/svg\+xml;base64,/);
    assert.match(credential.aaguidMapping.svgIconDark, /^data:image\/svg\+xml;base64,/);
  });

  it("returns recovery codes on the first enrollment only", async () => {
    const userId = newUserId();
    const first = await enroll(userId, { verificationMethod: "SMS", phoneNumber: "+64271234567" });
    assert.equal(first.recoveryCodes.length, 10);
    for (const code of first.recoveryCodes) assert.match(code, RECOVERY_CODE);
    assert.equal(new Set(first.recoveryCodes).size, 10);
    const second = await enroll(userId, { verificationMethod: "EMAIL_OTP", email: "second@example.com" });
    assert.equal(second.recoveryCodes, undefined);
    assertAuthenticator(second.authenticator, userId, "EMAIL_OTP");
  });

  it("accepts the deprecated oobChannel in place of verificationMethod", async () => {
    const userId = newUserId();
    const { authenticator } = await enroll(userId, { oobChannel: "EMAIL_OTP", email: "oob@example.com" });
    assertAuthenticator(authenticator, userId, "EMAIL_OTP");
    assert.equal(authenticator.email, "oob@example.com");
  });

  it("rejects a bad phone number with an AuthsignalError naming the field, and enrolls nothing", async () => {
    const userId = newUserId();
    await assertAuthsignalError(enroll(userId, { verificationMethod: "SMS", phoneNumber: "021 123 4567" }),
      400, "invalid_request", "'phoneNumber' must be a phone number in E.164 format: + and 8 to 15 digits, the first not 0, for example +64270000000.");
    assert.deepEqual(await list(userId), []);
  });
});

describe("getUser after enrollment", () => {
  it("is enrolled with SMS and has no email after an SMS-only enrollment", async () => {
    const userId = newUserId();
    await enroll(userId, { verificationMethod: "SMS", phoneNumber: "+64271234567" });
    const user = await signet.authsignal.getUser({ userId });
    assert.equal(user.isEnrolled, true);
    assert.equal(user.email, undefined);
    assert.ok(user.enrolledVerificationMethods.includes("SMS"), user.enrolledVerificationMethods);
    assert.ok(!user.enrolledVerificationMethods.includes("EMAIL_OTP"), user.enrolledVerificationMethods);
  });
});

describe("getAuthenticators", () => {
  it("answers a bare array of every enrolled authenticator, oldest first, without recovery codes", async () => {
    const userId = newUserId();
    const sms = await enroll(userId, { verificationMethod: "SMS", phoneNumber: "+64271234567" });
    const email = await enroll(userId, { verificationMethod: "EMAIL_MAGIC_LINK", email: "list@example.com" });
    const authenticators = await list(userId);
    assert.ok(Array.isArray(authenticators));
    assert.deepEqual(authenticators.map((a) => [a.userAuthenticatorId, a.verificationMethod]), [
      [sms.authenticator.userAuthenticatorId, "SMS"],
      [email.authenticator.userAuthenticatorId, "EMAIL_MAGIC_LINK"],
    ]);
    assertAuthenticator(authenticators[0], userId, "SMS");
    assert.equal(authenticators[0].phoneNumber, "+64271234567");
    assert.equal(authenticators[1].email, "list@example.com");
  });

  it("answers [] for a user nobody has heard of", async () => {
    assert.deepEqual(await list(newUserId()), []);
  });
});

describe("deleteAuthenticator", () => {
  it("removes the authenticator so the list is empty again", async () => {
    const userId = newUserId();
    const { authenticator } = await enroll(userId, { verificationMethod: "SMS", phoneNumber: "+64271234567" });
    const deleted = await signet.authsignal.deleteAuthenticator({
      userId, userAuthenticatorId: authenticator.userAuthenticatorId,
    });
    assert.equal(deleted, undefined);
    assert.deepEqual(await list(userId), []);
    const user = await signet.authsignal.getUser({ userId });
    assert.equal(user.isEnrolled, false);
  });

  it("answers an unknown authenticator with an AuthsignalError 404", async () => {
    const userId = newUserId();
    await enroll(userId, { verificationMethod: "SMS", phoneNumber: "+64271234567" });
    const unknown = "00000000-0000-7000-8000-000000000000";
    await assertAuthsignalError(signet.authsignal.deleteAuthenticator({ userId, userAuthenticatorId: unknown }),
      404, "not_found");
  });
});

describe("deleteUser", () => {
  it("removes the user's authenticators with the user", async () => {
    const userId = newUserId();
    await enroll(userId, { verificationMethod: "SMS", phoneNumber: "+64271234567" });
    await enroll(userId, { verificationMethod: "EMAIL_OTP", email: "both@example.com" });
    await signet.authsignal.deleteUser({ userId });
    assert.deepEqual(await list(userId), []);
    assert.equal((await signet.authsignal.getUser({ userId })).isEnrolled, false);
  });
});
