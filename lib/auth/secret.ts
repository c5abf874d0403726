/**
 * The secret that signs and encrypts session cookies. Production must set
 * NEXTAUTH_SECRET (lib/env refuses to start otherwise). Elsewhere one is generated
 * once and kept in DATA_DIR, so sessions survive restarts without anyone committing
 * a shared "dev secret" that would also open other people's demos.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

export function authSecret(): string | undefined {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  // `next build` runs with NODE_ENV=production and needs no secret: nothing is signed then.
  if (env.NODE_ENV === "production") return undefined;
  cached ??= readOrCreateDevSecret(path.resolve(env.DATA_DIR, "nextauth-secret"));
  return cached;
}

/** scripts/demo.sh keeps its secret in the same file, so `next dev` and the demo agree. */
export function readOrCreateDevSecret(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": if another process wrote it first, keep theirs.
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
