import { describe, expect, it } from "vitest";
import { webhookEventOf } from "@/lib/audit/webhook-events";
import { parseEnv } from "@/lib/env";
import { hostMatches, webhookUrlProblem } from "@/lib/webhooks/allowed-hosts";
import { generateWebhookSecret } from "@/lib/webhooks/webhook-secret";
import { signatureHeader, verifySignature } from "@/lib/webhooks/signature";

describe("[webhooks] allowed hosts", () => {
  it("matches exact names and subdomains of a wildcard, nothing else", () => {
    expect(hostMatches("hooks.example.com", "hooks.example.com")).toBe(true);
    expect(hostMatches("HOOKS.example.com", "hooks.example.com")).toBe(true);
    expect(hostMatches("a.b.example.com", "*.example.com")).toBe(true);
    expect(hostMatches("example.com", "*.example.com")).toBe(false);
    expect(hostMatches("evilexample.com", "*.example.com")).toBe(false);
    expect(hostMatches("hooks.example.com.evil.io", "hooks.example.com")).toBe(false);
  });

  it("says why a URL is refused", () => {
    const hosts = ["hooks.example.com", "*.chat.example"];
    expect(webhookUrlProblem("https://hooks.example.com/x", hosts)).toBeNull();
    expect(webhookUrlProblem("https://team.chat.example/services/T1", hosts)).toBeNull();
    expect(webhookUrlProblem("not a url", hosts)).toBe("must be a URL like https://hooks.example.com/slipway");
    expect(webhookUrlProblem("gopher://hooks.example.com/", hosts)).toBe("must be an http:// or https:// URL");
    expect(webhookUrlProblem("http://10.0.0.1/", hosts)).toBe("host 10.0.0.1 is not allowed; allowed: hooks.example.com, *.chat.example");
    expect(webhookUrlProblem("https://hooks.example.com/", [])).toMatch(/^no webhook hosts are allowed/);
  });

  it("reads the setting as a lower-case list and refuses what is not a host pattern", () => {
    expect(parseEnv({ SLIPWAY_WEBHOOK_ALLOWED_HOSTS: " Hooks.Example.com, *.chat.example " }).SLIPWAY_WEBHOOK_ALLOWED_HOSTS).toEqual([
      "hooks.example.com",
      "*.chat.example",
    ]);
    expect(parseEnv({}).SLIPWAY_WEBHOOK_ALLOWED_HOSTS).toBeUndefined();
    expect(() => parseEnv({ SLIPWAY_WEBHOOK_ALLOWED_HOSTS: "https://x.example/" })).toThrow(/SLIPWAY_WEBHOOK_ALLOWED_HOSTS/);
    expect(() => parseEnv({ SLIPWAY_SECRET_KEY: "short" })).toThrow(/SLIPWAY_SECRET_KEY: must be at least 32 characters/);
  });
});

describe("[webhooks] signing", () => {
  it("signs t.body with HMAC-SHA256 and verifies only the same body, secret and a recent time", () => {
    const at = new Date("2026-11-26T00:00:00Z");
    const header = signatureHeader("whsec_test", '{"a":1}', at);
    expect(header).toBe("t=1795651200,v1=" + header.split("v1=")[1]);
    expect(header.split("v1=")[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySignature("whsec_test", '{"a":1}', header, 300, at.getTime())).toBe(true);
    expect(verifySignature("whsec_test", '{"a":2}', header, 300, at.getTime())).toBe(false);
    expect(verifySignature("whsec_other", '{"a":1}', header, 300, at.getTime())).toBe(false);
    expect(verifySignature("whsec_test", '{"a":1}', header, 300, at.getTime() + 301_000)).toBe(false);
  });

  it("makes signing secrets that are long, random and recognisable", () => {
    const [one, two] = [generateWebhookSecret(), generateWebhookSecret()];
    expect(one).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
  });
});

describe("[webhooks] events from the audit log", () => {
  it("maps deploys, and kubectl writes to an app, to their event types", () => {
    const release = { app: "web", sequence: 1, image: "r/web:1" };
    expect(webhookEventOf("deploy.request", release)).toBe("deploy.requested");
    expect(webhookEventOf("deploy.succeeded", release)).toBe("deploy.succeeded");
    expect(webhookEventOf("deploy.failed", release)).toBe("deploy.failed");
    const write = { verb: "patch", resource: "deployments", namespace: "team-a", code: 200, serviceAccount: "slipway-person-x" };
    expect(webhookEventOf("kubectl.write", { ...write, app: "web" })).toBe("drift.detected");
    expect(webhookEventOf("kubectl.write", write)).toBeNull();
    expect(webhookEventOf("app.create", { app: "web", imageRepository: "r/web", replicas: 1 })).toBeNull();
  });
});
