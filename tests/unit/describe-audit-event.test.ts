/** lib/audit/describe-audit-event.ts: sentences from what an event's data has, and none with "undefined" in them. */
import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import type { AuditEventRow } from "@/lib/audit/query-audit-events";

const event = (action: string, data: unknown): AuditEventRow => ({
  id: 1n,
  createdAt: new Date("2026-11-26T12:00:00Z"),
  actorEmail: "dee@example.com",
  actorName: "Dee Deployer",
  team: { slug: "shop", name: "Shop" },
  action,
  target: null,
  data,
  requestId: null,
  sourceIp: null,
  via: null,
});

describe("[audit] event sentences", () => {
  it("says what the data says", () => {
    expect(describeAuditEvent(event("token.create", { name: "ci" })).text).toBe("Dee Deployer created the API token ci");
    expect(describeAuditEvent(event("membership.grant", { role: "VIEWER", email: "vi@example.com" })).text).toBe(
      "Dee Deployer granted viewer to vi@example.com",
    );
  });

  it("marks a field an older or odd row lacks, never printing undefined or null", () => {
    const texts = ["token.create", "membership.grant", "membership.change", "team.create", "deploy.promote"].map(
      (action) => describeAuditEvent(event(action, { app: "web", name: null })).text,
    );
    expect(texts[0]).toBe("Dee Deployer created the API token ?");
    for (const text of texts) expect(text).not.toMatch(/undefined|null/);
  });
});
