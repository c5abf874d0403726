/**
 * Nothing stays in flight: the start-up reconciler finishes releases a previous
 * process left behind, and an API server that goes away mid-deploy ends the release
 * FAILED with the error. The second case runs against a control plane of its own.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/authz/actor";
import { authorizePlatformAdmin, authorizeTeam } from "@/lib/authz/authorize";
import { createApp } from "@/lib/apps/create-app";
import { createTeam } from "@/lib/teams/create-team";
import { deployApp } from "@/lib/deploys/deploy-app";
import { reconcileReleases } from "@/lib/deploys/reconcile-releases";
import { startReleaseEngine } from "@/lib/deploys/start-release-engine";
import { releaseSpec } from "@/lib/apps/release-spec";
import { startCluster, type Cluster } from "@/tools/cluster/start-cluster";
import { releaseOutcome } from "../helpers/release-outcome";

let admin: Actor;
const spec = { imageRepository: "registry.example.com/r/web", containerPort: 8080, replicas: 1, env: [], resources: {} };

/** Slipway's platform credential is cached per process; point it elsewhere for one test. */
function usePlatformKubeconfig(kubeconfig: string) {
  // lib/env was read at import; the platform credential is looked up in it.
  (env as { SLIPWAY_KUBECONFIG?: string }).SLIPWAY_KUBECONFIG = kubeconfig;
  delete (globalThis as { slipwayPlatformCluster?: unknown }).slipwayPlatformCluster;
}

async function teamWithApp(slug: string, app: typeof spec & { name: string }) {
  await createTeam.run({ ctx: authorizePlatformAdmin({ actor: admin }), input: { slug, name: slug } });
  const ctx = await authorizeTeam({ actor: admin, teamSlug: slug, permissions: ["app.deploy", "app.create"] });
  const created = await createApp.run({ ctx, input: app });
  return { ctx, app: created };
}

beforeAll(async () => {
  const user = await db().user.create({ data: { email: "root@recovery.test", isPlatformAdmin: true } });
  admin = { ...user, via: "session" };
  startReleaseEngine();
});

describe("[deploy] recovery", () => {
  it("the reconciler applies a release left PENDING and resumes one left ROLLING_OUT", async () => {
    usePlatformKubeconfig(inject("cluster").platformKubeconfig);
    const { app } = await teamWithApp("rec", { ...spec, name: "web" });
    // As if Slipway died right after committing the release, before applying it.
    const pending = await db().release.create({
      data: {
        appId: app.id,
        sequence: 1,
        image: "registry.example.com/r/web:1",
        spec: releaseSpec({ ...spec, name: "web" }, "registry.example.com/r/web:1"),
        requestedById: admin.id,
      },
    });
    // Its worker may claim it first; either way nobody holds it now or somebody runs it.
    expect(await reconcileReleases()).toBeLessThanOrEqual(1);
    const { release } = await releaseOutcome(pending.id);
    expect(release).toMatchObject({ status: "SUCCEEDED", error: null });
    expect(release.generation).toBeGreaterThan(0);

    // As if it died while watching: the rollout finished meanwhile; the watch picks it up.
    const watching = await db().release.create({
      data: {
        appId: app.id,
        sequence: 2,
        image: release.image,
        spec: release.spec!,
        requestedById: admin.id,
        status: "ROLLING_OUT",
        generation: release.generation,
      },
    });
    expect(await reconcileReleases()).toBeLessThanOrEqual(1);
    expect((await releaseOutcome(watching.id)).release.status).toBe("SUCCEEDED");
    const actions = await db().auditEvent.findMany({ where: { action: { startsWith: "deploy." } }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["deploy.succeeded", "deploy.succeeded"]);
  });

  describe("with a control plane that goes away mid-deploy", () => {
    let cluster: Cluster;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "slipway-k8s-stop-"));
    beforeAll(async () => {
      cluster = await startCluster({ dir, binDir: inject("cluster").binDir });
      usePlatformKubeconfig(cluster.platformKubeconfig);
    });
    afterAll(async () => {
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("ends the release FAILED with the cluster error", async () => {
      // 3 x 16 CPUs never fit the one 32-CPU node: the third pod stays Pending (unschedulable,
      // not a certain failure), so the rollout is still going when the server stops. The
      // quota is raised first, or the quota would refuse the pods and end the rollout at once.
      const { ctx } = await teamWithApp("gone", { ...spec, name: "web", replicas: 3, resources: { requests: { cpu: "16" } } });
      await new Promise<void>((resolve, reject) =>
        execFile(
          path.join(inject("cluster").binDir, "kubectl"),
          [
            `--kubeconfig=${cluster.adminKubeconfig}`,
            "-n",
            "team-gone",
            "patch",
            "resourcequota",
            "slipway",
            "--type=merge",
            "-p",
            '{"spec":{"hard":{"requests.cpu":"100","limits.cpu":"200"}}}',
          ],
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      const { release } = await deployApp.run({ ctx, input: { app: "web", version: "1.0.0" } });
      await expect
        .poll(async () => (await db().release.findUniqueOrThrow({ where: { id: release.id } })).status, { timeout: 15_000 })
        .toBe("ROLLING_OUT");
      await cluster.stop();

      const { release: failed } = await releaseOutcome(release.id, 90_000);
      expect(failed.status).toBe("FAILED");
      // The cluster's absence, in words (not the progress deadline, which would also end it).
      expect(failed.error).toMatch(/not reachable|did not answer|refused|unreachable/i);
      expect(failed.finishedAt).not.toBeNull();
    });
  });
});
