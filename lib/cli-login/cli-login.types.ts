import { createHash, randomBytes, randomInt } from "node:crypto";
import { z } from "zod";

/** Letters people do not confuse (no vowels either, so no words), as in RFC 8628's user codes. */
const CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
export const LOGIN_LIFETIME_MS = 10 * 60 * 1000;
export const POLL_INTERVAL_SECONDS = 2;
/** The API token a `slipway login` ends with. */
export const CLI_TOKEN_DAYS = 90;

/** `ABCD-EFGH`: typed or compared by a person, so short, and single-use within ten minutes. */
export function generateLoginCode(): string {
  const letters = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return `${letters.slice(0, 4).join("")}-${letters.slice(4).join("")}`;
}

export function generateLoginSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashLoginSecret(secret) };
}

export function hashLoginSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const loginCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{4}-[A-Z]{4}$/, "must look like ABCD-EFGH");
