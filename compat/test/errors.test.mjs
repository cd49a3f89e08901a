// The SDK's error path and base-URL handling (docs/server-api.md §2.1 "Base URL and path joining", §2.2, §3; test plan T1, T2).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAuthsignalError, newUserId, sdk, useSignet } from "../support/fixture.mjs";

const signet = useSignet();

const UNAUTHORIZED = "The request is unauthorized. Check that your API key and region base URL are correctly configured.";

describe("errors", () => {
  it("a wrong secret key is an AuthsignalError 401 unauthorized with the exact description", async () => {
    const wrongKey = sdk(signet.server.apiUrl, "sk_test_not_a_real_key");
    const error = await assertAuthsignalError(wrongKey.getUser({ userId: newUserId() }), 401, "unauthorized", UNAUTHORIZED);
    assert.equal(error.message, `AuthsignalError: 401 - ${UNAUTHORIZED}`);
  });

  it("a 400 carries Signet's error code and description", async () => {
    await assertAuthsignalError(signet.authsignal.queryUsers({ token: "some-token" }), 400, "invalid_request", /'token'/);
  });
});

describe("base URL", () => {
  it("works with a trailing slash, which makes the SDK send //users", async () => {
    const userId = newUserId();
    const slashed = sdk(`${signet.server.apiUrl}/`, signet.server.secretKey);
    const updated = await slashed.updateUser({ userId, attributes: { email: "slash@example.com" } });
    assert.equal(updated.userId, userId);
    const user = await slashed.getUser({ userId });
    assert.equal(user.email, "slash@example.com");
  });
});
