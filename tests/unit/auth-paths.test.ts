import { describe, expect, it } from "vitest";
import { isApiPath, isPublicPath } from "@/lib/auth/public-paths";

describe("[auth] public paths", () => {
  it.each([
    "/signin",
    "/api/auth/callback/oidc",
    "/api/auth/session",
    "/api/healthz",
    "/api/readyz",
    "/api/v1/teams",
    "/_next/static/x.js",
  ])("lets %s through without a session", (path) => expect(isPublicPath(path)).toBe(true));

  it.each(["/", "/teams/payments", "/signin/other", "/api/healthz/x", "/api/teams", "/api/authx", "/api/v10"])(
    "requires a session for %s",
    (path) => expect(isPublicPath(path)).toBe(false),
  );

  it("tells API routes (401) from pages (redirect)", () => {
    expect(isApiPath("/api/teams")).toBe(true);
    expect(isApiPath("/apis")).toBe(false);
    expect(isApiPath("/teams")).toBe(false);
  });
});
