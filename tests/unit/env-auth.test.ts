import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const production = { NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32), SLIPWAY_AUDIT_SIGNING_KEY: "k".repeat(32) };

describe("[env] sign-in settings", () => {
  it("splits the admin lists", () => {
    const env = parseEnv({ SLIPWAY_ADMIN_EMAILS: " Ada@Example.com, ,bob@example.com", SLIPWAY_ADMIN_GROUPS: "admins" });
    expect(env.SLIPWAY_ADMIN_EMAILS).toEqual(["ada@example.com", "bob@example.com"]);
    expect(env.SLIPWAY_ADMIN_GROUPS).toEqual(["admins"]);
    expect(parseEnv({}).SLIPWAY_ADMIN_EMAILS).toEqual([]);
  });

  it("requires SLIPWAY_AUDIT_SIGNING_KEY in production unless anchoring is off", () => {
    const { SLIPWAY_AUDIT_SIGNING_KEY: _key, ...withoutKey } = production;
    expect(() => parseEnv(withoutKey)).toThrow(/SLIPWAY_AUDIT_SIGNING_KEY: is required when NODE_ENV=production/);
    expect(parseEnv({ ...withoutKey, SLIPWAY_AUDIT_ANCHOR_STORE: "none" }).SLIPWAY_AUDIT_ANCHOR_STORE).toBe("none");
  });

  it("asks the IdP for OIDC_SCOPES, openid always among them", () => {
    expect(parseEnv({}).OIDC_SCOPES).toBe("openid email profile");
    expect(parseEnv({ OIDC_SCOPES: "openid email profile groups" }).OIDC_SCOPES).toBe("openid email profile groups");
    expect(() => parseEnv({ OIDC_SCOPES: "email groups" })).toThrow(/OIDC_SCOPES: must include openid/);
  });

  it("requires NEXTAUTH_SECRET in production, but not while `next build` runs", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: is required when NODE_ENV=production/);
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).NEXTAUTH_SECRET).toBeUndefined();
    expect(parseEnv(production).NEXTAUTH_SECRET).toBe(production.NEXTAUTH_SECRET);
    expect(parseEnv({}).NEXTAUTH_SECRET).toBeUndefined();
  });

  it("refuses the development IdP in production unless explicitly allowed", () => {
    expect(() => parseEnv({ ...production, SLIPWAY_DEV_IDP: "1" })).toThrow(/SLIPWAY_DEV_IDP:.*SLIPWAY_ALLOW_DEV_IDP_IN_PRODUCTION=1/);
    expect(parseEnv({ ...production, SLIPWAY_DEV_IDP: "1", SLIPWAY_ALLOW_DEV_IDP_IN_PRODUCTION: "1" }).SLIPWAY_DEV_IDP).toBe(true);
    expect(parseEnv({ SLIPWAY_DEV_IDP: "1" }).SLIPWAY_DEV_IDP).toBe(true);
    expect(parseEnv({}).SLIPWAY_DEV_IDP).toBe(false);
  });

  it("checks the OIDC settings", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "not a url" })).toThrow(/OIDC_ISSUER/);
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.example.com" })).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required/);
    const env = parseEnv({ OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "slipway", OIDC_CLIENT_SECRET: "x" });
    expect(env.OIDC_ISSUER).toBe("https://idp.example.com");
    expect(() => parseEnv({ NEXTAUTH_URL: "ftp://slipway.example.com" })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ GITHUB_ID: "id" })).toThrow(/GITHUB_ID and GITHUB_SECRET go together/);
  });
});
