// Passkey material made the way an authenticator makes it: a random credential id and a fresh P-256
// public key encoded as a COSE_Key (RFC 9052 §7, RFC 9053 §7.1.1) in CBOR, both base64url.
import { generateKeyPairSync, randomBytes } from "node:crypto";

/** CBOR major type 5 (map) with 5 entries, then each key/value of an EC2 ES256 public key. */
const MAP_OF_5 = 0xa5;
const KTY = 0x01, KTY_EC2 = 0x02;        // 1: kty = 2 (EC2)
const ALG = 0x03, ALG_ES256 = 0x26;      // 3: alg = -7 (ES256; CBOR negative int -1-6)
const CRV = 0x20, CRV_P256 = 0x01;       // -1: crv = 1 (P-256)
const X = 0x21, Y = 0x22;                // -2: x, -3: y
const BYTES_32 = [0x58, 0x20];           // byte string, one-byte length 32

/** A random 32-byte credential id, base64url. */
export function credentialId() {
  return randomBytes(32).toString("base64url");
}

/** A fresh ES256 public key as a base64url COSE_Key. */
export function es256PublicKey() {
  const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const x = Buffer.from(jwk.x, "base64url");
  const y = Buffer.from(jwk.y, "base64url");
  return Buffer.from([
    MAP_OF_5,
    KTY, KTY_EC2,
    ALG, ALG_ES256,
    CRV, CRV_P256,
    X, ...BYTES_32, ...x,
    Y, ...BYTES_32, ...y,
  ]).toString("base64url");
}
