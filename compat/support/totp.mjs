// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s steps), to answer an authenticator-app challenge the way an
// app would.
import { createHmac } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text) {
  let bits = "";
  for (const char of text.replace(/=+$/, "")) bits += BASE32.indexOf(char).toString(2).padStart(5, "0");
  const bytes = bits.match(/.{8}/g).map((byte) => parseInt(byte, 2));
  return Buffer.from(bytes);
}

/** The 6-digit code for a base32 `secret` at `timeMillis`. */
export function totp(secret, timeMillis = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMillis / 1000 / 30)));
  const digest = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, "0");
}
