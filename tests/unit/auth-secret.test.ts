import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readOrCreateDevSecret } from "@/lib/auth/secret";

const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-secret-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("[auth] development session secret", () => {
  it("is generated once, readable only by its owner, and then reused", async () => {
    const file = path.join(dir, "nested", "nextauth-secret");
    const first = readOrCreateDevSecret(file);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(readOrCreateDevSecret(file)).toBe(first);
    expect(await readFile(file, "utf8")).toBe(first);
    expect((await stat(file)).mode & 0o077).toBe(0);
  });
});
