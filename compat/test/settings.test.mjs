// Tenant settings through the admin API change what the SDK sees (README "Managing authenticators").
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { admin, assertAuthsignalError, newUserId, useSignet } from "../support/fixture.mjs";

const signet = useSignet();

describe("recoveryCodesEnabled", () => {
  it("turned off, a first enrollment has no recovery codes; turned on again, the next new user gets them", async () => {
    const off = await admin(signet.server, "PATCH", "/settings", { recoveryCodesEnabled: false });
    assert.equal(off.recoveryCodesEnabled, false);
    const withoutCodes = await signet.authsignal.enrollVerifiedAuthenticator({
      userId: newUserId(), attributes: { verificationMethod: "SMS", phoneNumber: "+64271234567" },
    });
    assert.equal(withoutCodes.recoveryCodes, undefined);
    assert.equal(withoutCodes.authenticator.verificationMethod, "SMS");

    const on = await admin(signet.server, "PATCH", "/settings", { recoveryCodesEnabled: true });
    assert.equal(on.recoveryCodesEnabled, true);
    const withCodes = await signet.authsignal.enrollVerifiedAuthenticator({
      userId: newUserId(), attributes: { verificationMethod: "SMS", phoneNumber: "+64271234567" },
    });
    assert.equal(withCodes.recoveryCodes.length, 10);
  });
});

describe("protectLastAuthenticator", () => {
  it("makes deleting the last authenticator a 409 conflict AuthsignalError that leaves it enrolled", async () => {
    await admin(signet.server, "PATCH", "/settings", { protectLastAuthenticator: true });
    const userId = newUserId();
    const { authenticator } = await signet.authsignal.enrollVerifiedAuthenticator({
      userId, attributes: { verificationMethod: "EMAIL_OTP", email: "last@example.com" },
    });
    await assertAuthsignalError(
      signet.authsignal.deleteAuthenticator({ userId, userAuthenticatorId: authenticator.userAuthenticatorId }),
      409, "conflict");
    const left = await signet.authsignal.getAuthenticators({ userId });
    assert.deepEqual(left.map((a) => a.userAuthenticatorId), [authenticator.userAuthenticatorId]);
  });
});
