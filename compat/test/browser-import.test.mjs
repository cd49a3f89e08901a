// Passkey export and import in the browser: a passkey enrolled with the official browser SDK on Signet A is exported
// (`signet export`), imported into Signet B over B's admin API (`signet import --url`), and signs in on B
// through /v1/client/verify/passkey with the same virtual-authenticator credential: B verifies the signature
// against the imported public key, counter and user handle. Server state is read with @authsignal/node.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, signetCli } from "../support/signet-server.mjs";
import { newUserId } from "../support/fixture.mjs";
import { assertSdkData, useBrowser, useBrowserSignet, withPage } from "../support/browser.mjs";
import { trackToken } from "../support/action-tokens.mjs";

const VERIFY = "/client/verify/passkey";
const chromium = useBrowser();

for (const backend of backends()) {
  describe(`a passkey moves from one Signet to another with export and import (${backend})`, () => {
    const a = useBrowserSignet(backend);
    const b = useBrowserSignet(backend);

    it("B-import: enrolled on A in the browser, exported, imported into B, the same credential signs in on B", async () => {
      const userId = newUserId();
      let credential;
      await withPage(chromium.browser, a, async (session) => {
        const token = await trackToken(a.authsignal, userId, "enrollPasskey");
        const data = assertSdkData(await session.call("passkey.signUp", { token, username: `${userId}@example.com` }));
        credential = (await session.credentials()).find((c) => c.id === data.registrationResponse?.id);
        assert.ok(credential, "the registered credential is in A's page's virtual authenticator");
      });

      const dir = mkdtempSync(join(tmpdir(), "signet-import-"));
      try {
        const file = join(dir, "users.jsonl");
        const exported = signetCli(["export", "--tenant", a.tenantId, "--out", file],
          { SIGNET_DATABASE_URL: a.server.databaseUrl, SIGNET_ENCRYPTION_KEY: a.server.encryptionKey });
        assert.equal(exported.status, 0, exported.stderr);
        const line = readFileSync(file, "utf8").split("\n").find((l) => l.includes(userId));
        assert.ok(line, "the user is in the export");

        const imported = signetCli(["import", file, "--url", b.server.origin, "--key", b.server.secretKey, "--json"]);
        assert.equal(imported.status, 0, imported.stderr);
        const summary = JSON.parse(imported.stdout);
        assert.ok(summary.created >= 1, imported.stdout);
        assert.equal(summary.rejected, 0, imported.stdout);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const onA = (await a.authsignal.getAuthenticators({ userId })).find((x) => x.verificationMethod === "PASSKEY");
      const onB = (await b.authsignal.getAuthenticators({ userId })).find((x) => x.verificationMethod === "PASSKEY");
      assert.equal(onB.userAuthenticatorId, onA.userAuthenticatorId, "the authenticator id is kept");
      assert.equal(onB.webauthnCredential.credentialId, credential.id);
      assert.equal(onB.webauthnCredential.aaguid, onA.webauthnCredential.aaguid);

      await withPage(chromium.browser, b, async (session) => {
        await session.addCredential(credential);
        const token = await trackToken(b.authsignal, userId, "signIn");
        const data = assertSdkData(await session.call("passkey.signIn", { token }));
        assert.equal(data.isVerified, true);
        assert.equal(data.userId, userId);
        assert.equal(data.userAuthenticatorId, onA.userAuthenticatorId);
        const [verify] = await session.wire.calls(VERIFY);
        assert.equal(verify.status, 200);
        const validated = await b.authsignal.validateChallenge({ token: data.token });
        assert.equal(validated.isValid, true, JSON.stringify(validated));
        assert.equal(validated.verificationMethod, "PASSKEY");
        assert.equal(validated.userId, userId);
      });
    });
  });
}
