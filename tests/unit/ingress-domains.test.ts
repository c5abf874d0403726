import { describe, expect, it } from "vitest";
import { assertAppHostAllowed } from "@/lib/apps/app-host";
import { isHostUnderDomains, teamIngressDomains } from "@/lib/teams/ingress-domains";

describe("[teams] Ingress domains", () => {
  it("gives each team a subdomain of the configured domain", () => {
    expect(teamIngressDomains("payments", "apps.example.com")).toEqual(["payments.apps.example.com"]);
  });

  // The same cases as the slipway-ingress-hosts policy (tests/k8s/admission-policies.test.ts).
  it.each([
    ["payments.apps.example.com", true],
    ["web.payments.apps.example.com", true],
    ["a.b.payments.apps.example.com", true],
    ["web.search.apps.example.com", false],
    ["evilpayments.apps.example.com", false],
    ["apps.example.com", false],
    ["payments.apps.example.com.evil.io", false],
  ])("%s under payments.apps.example.com: %s", (host, allowed) => {
    expect(isHostUnderDomains(host, ["payments.apps.example.com"])).toBe(allowed);
  });

  it("allows nothing without domains", () => {
    expect(isHostUnderDomains("web.example.com", [])).toBe(false);
  });
});

describe("[apps] an app's host", () => {
  const payments = { slug: "payments" };

  it("passes under the team's domain, or when there is none", () => {
    expect(() => assertAppHostAllowed(payments, "web.payments.apps.example.com", "apps.example.com")).not.toThrow();
    expect(() => assertAppHostAllowed(payments, undefined, "apps.example.com")).not.toThrow();
  });

  it("is refused under another team's domain, with a field error on host", () => {
    expect(() => assertAppHostAllowed(payments, "web.search.apps.example.com", "apps.example.com")).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        fieldErrors: { host: ["must be under payments.apps.example.com, like app.payments.apps.example.com"] },
      }),
    );
  });
});
