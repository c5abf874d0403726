/**
 * The home page's data: a person sees only their teams, their apps with the latest
 * release, the latest deploys, and exact per-day counts and failure rates (UTC days).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { dashboardFor } from "@/lib/dashboard/get-dashboard";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

const NOW = new Date("2026-11-25T12:00:00.000Z");
const DAY = 86_400_000;
/** `days` days before NOW's UTC day, at hh:mm:ss.mmm. */
const at = (days: number, time: string) => new Date(new Date(`2026-11-25T${time}Z`).getTime() - days * DAY);
const actor = {} as Record<"alice" | "bob" | "admin", Actor>;

async function app(teamId: string, name: string, releases: [ReleaseStatus, Date][], archived = false) {
  const row = await db().app.create({
    data: { teamId, name, imageRepository: `registry.example.com/${name}`, containerPort: 8080, archivedAt: archived ? NOW : null },
  });
  for (const [i, [status, createdAt]] of releases.entries()) {
    await db().release.create({
      data: {
        appId: row.id,
        sequence: i + 1,
        image: `registry.example.com/${name}:${i + 1}.0.0`,
        spec: {},
        status,
        createdAt,
        requestedById: actor.alice.id,
      },
    });
  }
}

beforeAll(async () => {
  for (const who of ["alice", "bob", "admin"] as const) {
    const user = await db().user.create({
      data: { email: `${who}@dash.test`, isPlatformAdmin: who === "admin" },
      select: { id: true, email: true, name: true, isPlatformAdmin: true },
    });
    actor[who] = { ...user, via: "session" };
  }
  const team = (slug: string) => db().team.create({ data: { slug, name: slug.toUpperCase(), namespace: `team-${slug}` } });
  const [alpha, beta, gamma] = [await team("alpha"), await team("beta"), await team("gamma")];
  await db().membership.createMany({
    data: [
      { teamId: alpha.id, userId: actor.alice.id, role: "LEAD" },
      { teamId: beta.id, userId: actor.alice.id, role: "VIEWER" },
      { teamId: gamma.id, userId: actor.bob.id, role: "DEPLOYER" },
    ],
  });
  await app(alpha.id, "web", [
    ["SUCCEEDED", at(40, "10:00:00.000")],
    ["SUCCEEDED", at(3, "09:00:00.000")],
    ["FAILED", at(3, "23:59:59.999")],
    ["FAILED", at(1, "08:00:00.000")],
    ["ROLLING_OUT", at(0, "11:00:00.000")],
  ]);
  await app(alpha.id, "api", [
    ["SUCCEEDED", at(30, "23:59:59.999")],
    ["SUCCEEDED", at(29, "00:00:00.000")],
    ["SUCCEEDED", at(1, "09:00:00.000")],
  ]);
  await app(alpha.id, "old", [["FAILED", at(2, "12:00:00.000")]], true);
  await app(beta.id, "worker", []);
  await app(gamma.id, "secret", [["FAILED", at(1, "10:00:00.000")]]);
});

const day = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString().slice(0, 10);
const nonZeroDays = (days: { day: string; deploys: number; failed: number }[]) => days.filter((d) => d.deploys > 0);

describe("[dashboard] what a person sees", () => {
  it("deploys per UTC day for 30 days and the failure rate, per team", async () => {
    const { teams } = await dashboardFor(actor.alice.id, NOW);
    expect(teams.map((t) => [t.slug, t.role])).toEqual([
      ["alpha", "LEAD"],
      ["beta", "VIEWER"],
    ]);
    const [alpha, beta] = teams;
    expect(alpha!.activity.days).toHaveLength(30);
    expect(alpha!.activity.days[0]!.day).toBe(day(29));
    expect(alpha!.activity.days[29]!.day).toBe(day(0));
    expect(nonZeroDays(alpha!.activity.days)).toEqual([
      { day: day(29), deploys: 1, failed: 0 },
      { day: day(3), deploys: 2, failed: 1 },
      { day: day(2), deploys: 1, failed: 1 },
      { day: day(1), deploys: 2, failed: 1 },
      { day: day(0), deploys: 1, failed: 0 },
    ]);
    // 3 failed of 6 finished; the release still rolling out is not an outcome yet.
    expect(alpha!.activity).toMatchObject({ deploys: 7, succeeded: 3, failed: 3, failureRate: 0.5 });
    expect(beta!.activity).toMatchObject({ deploys: 0, succeeded: 0, failed: 0, failureRate: null });
    expect(nonZeroDays(beta!.activity.days)).toEqual([]);
  });

  it("their apps with the latest release of each, archived ones left out", async () => {
    const { apps, moreApps } = await dashboardFor(actor.alice.id, NOW);
    expect(moreApps).toBe(false);
    // No cluster here: tests/k8s/truth.test.ts checks the live views against a real one.
    const live = {
      health: null,
      release: null,
      drift: { state: "unknown", changes: [], changedBy: [] },
      error: "No Kubernetes cluster is configured.",
    };
    expect(apps).toEqual([
      {
        name: "api",
        team: { slug: "alpha", name: "ALPHA" },
        release: { sequence: 3, image: "registry.example.com/api:3.0.0", status: "SUCCEEDED", createdAt: at(1, "09:00:00.000") },
        live,
      },
      {
        name: "web",
        team: { slug: "alpha", name: "ALPHA" },
        release: { sequence: 5, image: "registry.example.com/web:5.0.0", status: "ROLLING_OUT", createdAt: at(0, "11:00:00.000") },
        live,
      },
      { name: "worker", team: { slug: "beta", name: "BETA" }, release: null, live },
    ]);
  });

  it("asked for fewer apps, the first by team and name, and says there are more", async () => {
    const { apps, moreApps } = await dashboardFor(actor.alice.id, NOW, 2);
    expect(apps.map((a) => [a.team.slug, a.name, a.release?.sequence ?? null])).toEqual([
      ["alpha", "api", 3],
      ["alpha", "web", 5],
    ]);
    expect(moreApps).toBe(true);
  });

  it("the latest deploys across their teams, newest first, with who asked", async () => {
    const { recentDeploys } = await dashboardFor(actor.alice.id, NOW);
    expect(recentDeploys.map((r) => `${r.app.name}#${r.sequence}`)).toEqual([
      "web#5",
      "api#3",
      "web#4",
      "old#1",
      "web#3",
      "web#2",
      "api#2",
      "api#1",
      "web#1",
    ]);
    expect(recentDeploys[0]).toMatchObject({
      status: "ROLLING_OUT",
      requestedBy: { email: "alice@dash.test" },
      app: { team: { slug: "alpha" } },
    });
  });

  it("someone else sees only their own team", async () => {
    const bob = await dashboardFor(actor.bob.id, NOW);
    expect(bob.teams.map((t) => t.slug)).toEqual(["gamma"]);
    expect(bob.teams[0]!.activity).toMatchObject({ deploys: 1, failed: 1, failureRate: 1 });
    expect(nonZeroDays(bob.teams[0]!.activity.days)).toEqual([{ day: day(1), deploys: 1, failed: 1 }]);
    expect(bob.apps.map((a) => [a.team.slug, a.name, a.release?.status])).toEqual([["gamma", "secret", "FAILED"]]);
    expect(bob.recentDeploys.map((r) => r.app.name)).toEqual(["secret"]);
  });

  it("a platform admin in no team gets the empty dashboard", async () => {
    expect(await dashboardFor(actor.admin.id, NOW)).toEqual({
      teams: [],
      moreTeams: false,
      apps: [],
      moreApps: false,
      recentDeploys: [],
    });
  });
});
