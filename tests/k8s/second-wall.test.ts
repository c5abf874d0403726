/**
 * The second wall: the cluster token for a team call follows the caller's role, so
 * even a bug in Slipway's own check (simulated by forging a context) meets the API
 * server's RBAC. A deploy made with a forged Viewer context is refused by the
 * cluster and ends FAILED with its message; a real Deployer's deploy goes through.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorizePlatformAdmin, authorizeTeam } from "@/lib/authz/authorize";
import type { TeamContext } from "@/lib/authz/team-context";
import { createApp } from "@/lib/apps/create-app";
import { deployApp } from "@/lib/deploys/deploy-app";
import { createTeam } from "@/lib/teams/create-team";
import { releaseOutcome } from "../helpers/release-outcome";

const spec = { name: "web", imageRepository: "registry.example.com/wall/web", containerPort: 8080, replicas: 1, env: [], resources: {} };
let viewer: Actor;
let deployer: Actor;

beforeAll(async () => {
  const admin = await db().user.create({ data: { email: "root@wall.test", isPlatformAdmin: true } });
  const adminActor: Actor = { ...admin, via: "session" };
  await createTeam.run({ ctx: authorizePlatformAdmin({ actor: adminActor }), input: { slug: "wall", name: "Wall" } });
  const team = await db().team.findUniqueOrThrow({ where: { slug: "wall" } });
  const v = await db().user.create({ data: { email: "viewer@wall.test" } });
  const d = await db().user.create({ data: { email: "deployer@wall.test" } });
  await db().membership.createMany({
    data: [
      { teamId: team.id, userId: v.id, role: "VIEWER" },
      { teamId: team.id, userId: d.id, role: "DEPLOYER" },
    ],
  });
  viewer = { ...v, via: "session" };
  deployer = { ...d, via: "session" };
  const lead = await authorizeTeam({ actor: adminActor, teamSlug: "wall", permissions: ["app.create"] });
  await createApp.run({ ctx: lead, input: spec });
});

describe("[authz] the second wall follows the caller's role", () => {
  it("a deploy with a forged Viewer context is refused by the API server", async () => {
    // What a bug in Slipway's own check would hand the use-case: a Viewer's context
    // claiming app.deploy. authorizeTeam itself refuses it (the first wall).
    await expect(authorizeTeam({ actor: viewer, teamSlug: "wall", permissions: ["app.deploy"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const real = await authorizeTeam({ actor: viewer, teamSlug: "wall", permissions: ["app.read"] });
    const forged = { ...real } as unknown as TeamContext<"app.deploy">;

    const { release } = await deployApp.run({ ctx: forged, input: { app: "web", version: "v1" } });
    expect(await db().release.findUniqueOrThrow({ where: { id: release.id }, select: { clusterRole: true } })).toEqual({
      clusterRole: "viewer",
    });
    const { release: ended } = await releaseOutcome(release.id, 60_000);
    expect(ended.status).toBe("FAILED");
    expect(ended.error).toMatch(/slipway-viewer|forbidden|refused/i);
  });

  it("the same deploy by a real Deployer goes through", async () => {
    const ctx = await authorizeTeam({ actor: deployer, teamSlug: "wall", permissions: ["app.deploy"] });
    const { release } = await deployApp.run({ ctx, input: { app: "web", version: "v2" } });
    const { release: ended } = await releaseOutcome(release.id, 60_000);
    expect(ended).toMatchObject({ status: "SUCCEEDED", error: null });
  });
});
