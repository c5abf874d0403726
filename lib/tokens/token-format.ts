import { createHash, randomBytes } from "node:crypto";

/**
 * Personal access tokens look like `slw_<43 base64url chars>`. Only the sha256 is
 * stored; the prefix (first 12 characters) is kept so people can tell tokens apart.
 */
export const TOKEN_PREFIX = "slw_";
const TOKEN_PATTERN = /^slw_[A-Za-z0-9_-]{43}$/;

export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 12) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
