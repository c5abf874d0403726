import { describe, expect, it } from "vitest";
import { auditHash, canonicalJson, GENESIS_HASH, type AuditContent } from "@/lib/audit/hash";

const content: AuditContent = {
  createdAt: new Date("2026-11-25T12:00:00.000Z"),
  actorId: "8a0c5c3e-8f39-4f43-9a53-2d8f7a9e1b01",
  actorEmail: "lead@example.com",
  teamId: null,
  action: "team.create",
  targetType: "team",
  targetId: "payments",
  data: { b: 1, a: { d: [1, 2], c: null } },
  requestId: null,
  sourceIp: "127.0.0.1",
};

describe("[audit] hash", () => {
  it("serialises objects with keys sorted at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it("does not depend on key order, which JSONB does not keep", () => {
    const reordered = { ...content, data: { a: { c: null, d: [1, 2] }, b: 1 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, content));
  });

  it("changes with the content and with the previous hash", () => {
    const hash = auditHash(GENESIS_HASH, content);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...content, actorEmail: "other@example.com" })).not.toBe(hash);
    expect(auditHash("1".repeat(64), content)).not.toBe(hash);
    expect(auditHash(GENESIS_HASH, { ...content, createdAt: new Date("2026-11-25T12:00:00.001Z") })).not.toBe(hash);
  });
});
