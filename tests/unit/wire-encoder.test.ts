/** lib/validation/wire-encoder.ts: the same JSON as z.encode, keys the schema does not name dropped. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dashboardView } from "@/lib/dashboard/dashboard.types";
import { encodeForWire } from "@/lib/validation/wire-encoder";
import { bigintId, dateTime, jsonObject } from "@/lib/validation/wire";
import { createdTeam } from "@/lib/teams/team.types";

const at = new Date("2026-11-26T12:00:00.000Z");
const wire = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("[api] the wire encoder", () => {
  it("gives the JSON z.encode gives, for the dashboard", () => {
    const release = { sequence: 3, image: "nginx:1.27", status: "SUCCEEDED" as const, createdAt: at };
    const dashboard = {
      teams: [
        {
          slug: "shop",
          name: "Shop",
          namespace: "team-shop",
          role: "LEAD" as const,
          memberCount: 2,
          activity: { days: [{ day: "2026-11-26", deploys: 1, failed: 0 }], deploys: 1, succeeded: 1, failed: 0, failureRate: 0 },
        },
      ],
      moreTeams: false,
      apps: [
        {
          name: "web",
          team: { slug: "shop", name: "Shop" },
          release,
          live: {
            health: { state: "Degraded", reason: "1 of 2 pods ready" },
            release: { sequence: 3, image: "nginx:1.27" },
            drift: {
              state: "drifted",
              changes: [{ field: "replicas", expected: "2", live: "3" }],
              changedBy: [{ email: "dee@example.com", at, verb: "patch", resource: "deployments", name: "web", ip: "10.0.0.1" }],
            },
          },
        },
        {
          name: "api",
          team: { slug: "shop", name: "Shop" },
          release: null,
          live: { health: null, release: null, drift: { state: "unknown", changes: [], changedBy: [] } },
        },
      ],
      moreApps: true,
      recentDeploys: [
        {
          ...release,
          id: "7f0e809f-863f-4f8f-8c89-5a2385125d67",
          finishedAt: null,
          rollbackOf: { sequence: 2 },
          requestedBy: { email: "dee@example.com", name: null },
          app: { name: "web", team: { slug: "shop", name: "Shop" } },
        },
      ],
    };
    expect(wire(encodeForWire(dashboardView, dashboard as never))).toEqual(wire(z.encode(dashboardView, dashboard as never)));
  });

  it("drops keys the schema does not name, at every depth", () => {
    const schema = z.object({ user: z.object({ email: z.string() }), tokens: z.array(z.object({ name: z.string() })) });
    const value = { user: { email: "a@example.com", passwordHash: "x" }, tokens: [{ name: "ci", tokenHash: "y" }], secret: "z" };
    expect(encodeForWire(schema, value)).toEqual({ user: { email: "a@example.com" }, tokens: [{ name: "ci" }] });
  });

  it("turns dates and audit ids into strings, passes free-form JSON through, leaves absent optionals out", () => {
    const schema = z.object({ at: dateTime, id: bigintId, when: dateTime.nullable(), note: z.string().optional(), data: jsonObject });
    const value = { at, id: 9007199254740993n, when: null, data: { nested: { kept: true } } };
    expect(encodeForWire(schema, value)).toEqual({
      at: "2026-11-26T12:00:00.000Z",
      id: "9007199254740993",
      when: null,
      data: { nested: { kept: true } },
    });
    expect("note" in (encodeForWire(schema, value) as object)).toBe(false);
  });

  it("hands shapes it does not know to zod, which still strips and checks them", () => {
    const value = { team: { id: "7f0e809f-863f-4f8f-8c89-5a2385125d67", slug: "s", name: "S", namespace: "team-s", createdAt: at } };
    expect(encodeForWire(createdTeam, { ...value, provisioning: { status: "failed", error: "no cluster", extra: 1 } } as never)).toEqual({
      team: { ...value.team, createdAt: "2026-11-26T12:00:00.000Z" },
      provisioning: { status: "failed", error: "no cluster" },
    });
    expect(() => encodeForWire(createdTeam, { ...value, provisioning: { status: "gone" } } as never)).toThrow();
  });
});
