/**
 * Encryption at rest for secrets Slipway must read back (registered clusters' tokens,
 * webhook signing secrets): AES-256-GCM, a fresh 12-byte IV per value, the key derived with
 * SHA-256 from SLIPWAY_SECRET_KEY. Outside production a key is generated once into
 * DATA_DIR, like the session secret. The stored form is `v1.<iv>.<tag>.<ciphertext>`
 * (base64url), so a later key rotation can tell versions apart.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { readOrCreateDevSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

let devKey: string | undefined;

function keyBytes(): Buffer {
  let secret = env.SLIPWAY_SECRET_KEY;
  if (!secret) {
    if (env.NODE_ENV === "production") {
      throw new AppError(
        "UNAVAILABLE",
        "SLIPWAY_SECRET_KEY is not set, so Slipway cannot store or read cluster credentials and webhook secrets; ask a platform admin.",
      );
    }
    secret = devKey ??= readOrCreateDevSecret(path.resolve(env.DATA_DIR, "secret-key"));
  }
  return createHash("sha256").update(secret).digest();
}

export function sealSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new AppError("INTERNAL", "A stored secret has an unknown format.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyBytes(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("UNAVAILABLE", "A stored secret cannot be decrypted: SLIPWAY_SECRET_KEY is not the key it was stored with.");
  }
}
