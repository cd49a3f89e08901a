// Action tokens as the Client API sees them: track's token through the official SDK, and the same token
// aged past its lifetime. Signet's tokens last 10 minutes (docs/server-api.md §7.3.1 "track") with no setting to
// shorten them, so instead of waiting the test re-signs a real token with its times moved into the past,
// using the tenant's token key derived the way Signet derives it (io.signet.action.ActionTokens and
// io.signet.crypto.SecretHasher): the result is exactly what a 20-minute-old token looks like.
import { createHmac } from "node:crypto";

/** Track `action` for `userId` through the SDK; resolves with the token (`attributes` e.g. {scope}). */
export async function trackToken(authsignal, userId, action, attributes = {}) {
  const { token } = await authsignal.track({ userId, action, attributes });
  if (!token) throw new Error(`track answered no token for ${action}`);
  return token;
}

function hmac(key, ...parts) {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** The HS256 key of `tenantId`'s action tokens under the server's SIGNET_ENCRYPTION_KEY (base64). */
function tokenKey(encryptionKey, tenantId) {
  const pepper = hmac(Buffer.from(encryptionKey, "base64"), "signet-secret-hash-v1", Buffer.from([1]));
  const hex = hmac(pepper, "signet-action-token-key-v1", Buffer.from([0]), tenantId).toString("hex");
  return Buffer.from(hex, "hex");
}

/** `token` (from `server`) re-issued as if it had been issued `ageSeconds` ago: expired when ≥ 600. */
export function agedToken(server, token, ageSeconds) {
  const [header, payload] = token.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  const lifetime = claims.exp - claims.iat;
  claims.iat -= ageSeconds;
  claims.exp = claims.iat + lifetime;
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  const signature = hmac(tokenKey(server.encryptionKey, claims.other.tenantId), body).toString("base64url");
  return `${body}.${signature}`;
}
