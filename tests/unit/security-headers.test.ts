import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("[http] page Content-Security-Policy", () => {
  it("runs only scripts carrying this response's nonce, and frames nothing", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "abc+/=", dev: false, https: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc+/=' 'strict-dynamic'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval and inline styles in development only, and upgrades requests over https", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(directives(pageContentSecurityPolicy({ nonce: "n", dev: false, https: false })).get("style-src")).toBe("'self' 'nonce-n'");
    expect(directives(pageContentSecurityPolicy({ nonce: "n", dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("makes a fresh nonce in the form Next.js reads", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(nonce);
  });
});
