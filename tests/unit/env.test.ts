import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("[env] parseEnv", () => {
  it("fills defaults for the embedded setup", () => {
    expect(parseEnv({})).toMatchObject({ NODE_ENV: "development", DATA_DIR: ".data", LOG_LEVEL: "info" });
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a postgres URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/slipway" }).DATABASE_URL).toBe("postgresql://u:p@db:5432/slipway");
  });

  it("puts team Ingress domains under localhost unless SLIPWAY_INGRESS_DOMAIN says otherwise", () => {
    expect(parseEnv({}).SLIPWAY_INGRESS_DOMAIN).toBe("localhost");
    expect(parseEnv({ SLIPWAY_INGRESS_DOMAIN: "" }).SLIPWAY_INGRESS_DOMAIN).toBe("localhost");
    expect(parseEnv({ SLIPWAY_INGRESS_DOMAIN: " Apps.Example.com " }).SLIPWAY_INGRESS_DOMAIN).toBe("apps.example.com");
    expect(() => parseEnv({ SLIPWAY_INGRESS_DOMAIN: "*.example.com" })).toThrow(/SLIPWAY_INGRESS_DOMAIN: must be a DNS name/);
  });

  it("names every malformed variable and why", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/slipway", LOG_LEVEL: "loud" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL[\s\S]*LOG_LEVEL/,
    );
  });
});

describe("[env] SLIPWAY_TRUSTED_PROXIES", () => {
  it("takes a comma list of addresses and CIDRs; unset trusts none", () => {
    expect(parseEnv({}).SLIPWAY_TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ SLIPWAY_TRUSTED_PROXIES: "10.0.0.0/8, fd00::/8,192.0.2.1" }).SLIPWAY_TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "fd00::/8",
      "192.0.2.1",
    ]);
  });

  it("refuses what is not an address or a CIDR", () => {
    expect(() => parseEnv({ SLIPWAY_TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" })).toThrow(
      /SLIPWAY_TRUSTED_PROXIES: invalid IP address: proxy.internal/,
    );
    expect(() => parseEnv({ SLIPWAY_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/SLIPWAY_TRUSTED_PROXIES: invalid range/);
  });
});
