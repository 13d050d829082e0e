// RFC 6238 TOTP as the sandbox realm's OTP policy computes it (HmacSHA1, 6 digits, 30 s) over the raw secret of
// doctor02's credential (sandbox/realms/health-realm.json); the same as identity-spi's support.Totp.
import { createHmac } from "node:crypto";

export function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hash = createHmac("sha1", Buffer.from(secret, "utf8")).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = (hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, "0");
}
