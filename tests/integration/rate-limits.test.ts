/**
 * Issue 11, hole 8: failed bearer tokens and sign-ins are limited per client address,
 * in the database (so every replica counts against the same limit), with 429 and
 * Retry-After.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authorizeUser } from "@/lib/authz/authorize";
import { peerStorage } from "@/lib/http/request-peer";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as me from "@/app/api/v1/me/route";
import { signInRateLimited } from "@/lib/auth/sign-in-rate-limit";
import * as nextAuth from "@/app/api/auth/[...nextauth]/route";
import { NextRequest } from "next/server";
import { call } from "../helpers/api";

const from = <T>(address: string, work: () => Promise<T>) => peerStorage().run({ address }, work);
const badToken = `slw_${"A".repeat(43)}`;
let good = "";

beforeAll(async () => {
  // Off for the other files (vitest.config.ts); the defaults here.
  Object.assign(env, { SLIPWAY_RATE_LIMIT_FAILED_TOKENS: 20, SLIPWAY_RATE_LIMIT_SIGN_IN: 30 });
  const user = await db().user.create({ data: { email: "rl@example.com", issuer: "t", subject: "rl" } });
  good = (await createApiToken.run({ ctx: authorizeUser({ actor: { ...user, via: "session" } }), input: { name: "t", expiresInDays: 1 } }))
    .token;
});

describe("[security] rate limits", () => {
  it("failed bearer tokens: 429 with Retry-After past the limit, for that address only", async () => {
    const limit = env.SLIPWAY_RATE_LIMIT_FAILED_TOKENS;
    for (let i = 0; i < limit; i++) expect((await from("192.0.2.7", () => call(me.GET, "GET", { token: badToken }))).status).toBe(401);
    const refused = await from("192.0.2.7", () => call(me.GET, "GET", { token: badToken }));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Even a good token waits from there; another address is not affected.
    expect((await from("192.0.2.7", () => call(me.GET, "GET", { token: good }))).status).toBe(429);
    expect((await from("192.0.2.8", () => call(me.GET, "GET", { token: good }))).status).toBe(200);
    // The counter is a row every replica shares.
    expect(await db().rateLimit.findUnique({ where: { key: "token-failure:192.0.2.7" } })).toMatchObject({ count: limit });
  });

  it("sign-in attempts: 429 with Retry-After past the limit", async () => {
    const callback = () => new NextRequest("http://slipway.test/api/auth/callback/oidc?code=x&state=y");
    for (let i = 0; i < env.SLIPWAY_RATE_LIMIT_SIGN_IN; i++)
      expect(await from("192.0.2.9", () => signInRateLimited(callback()))).toBeNull();
    // Through the route: refused before next-auth runs.
    const refused = await from("192.0.2.9", () =>
      nextAuth.GET(callback(), { params: Promise.resolve({ nextauth: ["callback", "oidc"] }) }),
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
