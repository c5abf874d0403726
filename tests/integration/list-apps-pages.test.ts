/**
 * The team's apps in keyset pages by name (the team page shows 50 at a time): each page
 * follows the last name of the one before, `nextAfter` is null on the last, and the
 * live list pages the same way.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runUseCase } from "@/lib/adapters/run-use-case";
import { listApps } from "@/lib/apps/list-apps";
import { listAppsLive } from "@/lib/apps/list-apps-live";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db";

let viewer: Actor;
const NAMES = ["a1", "a2", "a3", "b1", "b2"];

beforeAll(async () => {
  const user = await db().user.create({
    data: { email: "viewer@pages.test" },
    select: { id: true, email: true, name: true, isPlatformAdmin: true },
  });
  viewer = { ...user, via: "session" };
  const team = await db().team.create({ data: { slug: "paged", name: "Paged", namespace: "team-paged" } });
  await db().membership.create({ data: { teamId: team.id, userId: user.id, role: "VIEWER" } });
  for (const name of NAMES) {
    await db().app.create({ data: { teamId: team.id, name, imageRepository: `registry.example.com/${name}`, containerPort: 8080 } });
  }
  await db().app.create({
    data: { teamId: team.id, name: "gone", imageRepository: "registry.example.com/gone", containerPort: 8080, archivedAt: new Date() },
  });
});

const call = <T>(useCase: Parameters<typeof runUseCase>[0], input: Record<string, unknown>) =>
  runUseCase(useCase, { actor: viewer, request: {} }, { team: "paged" }, input) as Promise<{ output: T }>;

type Page = { apps: { name: string }[]; nextAfter: string | null };

describe("listApps pages", () => {
  it("walks every app once, in name order, two at a time", async () => {
    const seen: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const { output } = await call<Page>(listApps, { limit: 2, ...(after ? { after } : {}) });
      seen.push(output.apps.map((app) => app.name));
      if (!output.nextAfter) break;
      expect(output.nextAfter).toBe(output.apps.at(-1)!.name);
      after = output.nextAfter;
    }
    expect(seen).toEqual([["a1", "a2"], ["a3", "b1"], ["b2"]]);
  });

  it("without a limit, the first 100 (here all of them) and no next page; archived ones apart", async () => {
    const { output } = await call<Page>(listApps, {});
    expect(output.apps.map((app) => app.name)).toEqual(NAMES);
    expect(output.nextAfter).toBeNull();
    const archived = await call<Page>(listApps, { archived: "true" });
    expect(archived.output.apps.map((app) => app.name)).toEqual(["gone"]);
  });

  it("the live list pages the same way", async () => {
    const { output } = await call<{ apps: { name: string }[] }>(listAppsLive, { after: "a2", limit: 2 });
    expect(output.apps.map((app) => app.name)).toEqual(["a3", "b1"]);
  });

  it("refuses a limit out of bounds", async () => {
    await expect(call(listApps, { limit: 0 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(call(listApps, { limit: 501 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
