/** lib/auth/session-token.ts: a session cookie decoded once, and never accepted where next-auth's decode would refuse it. */
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-enough-length-0123456789";

describe("[auth] session cookie decoding", () => {
  it("decodes a cookie's claims, the same the second time", async () => {
    const token = await encode({ token: { sub: "user-1", sv: 3 }, secret, maxAge: 60 });
    const first = await decodeSessionToken({ token, secret });
    expect(first).toMatchObject({ sub: "user-1", sv: 3 });
    // The very object: remembered, not decrypted again.
    expect(await decodeSessionToken({ token, secret })).toBe(first);
  });

  it("refuses a cookie it has decoded before when asked with another secret", async () => {
    const token = await encode({ token: { sub: "user-2", sv: 1 }, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "user-2" });
    await expect(decodeSessionToken({ token, secret: `${secret}-rotated` })).rejects.toThrow();
  });

  it("refuses an altered cookie and an expired one, and remembers neither", async () => {
    const token = await encode({ token: { sub: "user-3", sv: 1 }, secret, maxAge: 60 });
    const altered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: altered, secret })).rejects.toThrow();
    const old = await encode({ token: { sub: "user-4", sv: 1 }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: old, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });
});
