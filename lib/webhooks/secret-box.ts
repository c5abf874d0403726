/**
 * Webhook signing secrets must be read back to sign, so they are stored encrypted
 * (AES-256-GCM) under SLIPWAY_SECRET_KEY, which lives in configuration, not in the
 * database. Outside production a key is generated once into DATA_DIR, like the session
 * secret.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { readOrCreateDevSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

let devKey: string | undefined;

function keyMaterial(): string {
  if (env.SLIPWAY_SECRET_KEY) return env.SLIPWAY_SECRET_KEY;
  if (env.NODE_ENV === "production") {
    throw new AppError("UNAVAILABLE", "Webhooks need SLIPWAY_SECRET_KEY, which is not configured; ask a platform admin.");
  }
  devKey ??= readOrCreateDevSecret(path.resolve(env.DATA_DIR, "secret-key"));
  return devKey;
}

function key(): Buffer {
  return createHash("sha256").update(`slipway-secret-box:${keyMaterial()}`).digest();
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unreadable sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** A new signing secret, shown to the lead once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
