/** A new webhook signing secret, shown to the lead once and stored sealed (lib/crypto/secret-box.ts). */
import { randomBytes } from "node:crypto";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
