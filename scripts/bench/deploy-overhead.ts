/**
 * (a) What Slipway adds to a deploy: from POST .../deploys to the Release row reaching
 * ROLLING_OUT (accept, queue, claim, token, server-side apply, bookkeeping), against
 * the same server-side apply of the same manifests (lib/k8s builders and applyRelease)
 * with a token minted beforehand. Alternated in one run, one deploy at a time.
 */
import { randomUUID } from "node:crypto";
import { applyRelease, buildDeployment, buildService, teamClient, teamToken, type PlatformClient } from "@/lib/k8s";
import { APPLY_PARAMS, applyPatchOptions } from "@/lib/k8s/ssa";
import { percentile, request } from "./http";
import type { ProgressListener } from "./progress-listener";
import { bearer } from "./setup";

/**
 * slipway: POST to ROLLING_OUT; accept: POST to its 202 (a part of slipway); raw: the apply
 * alone (applyRelease: each object read, then applied with the release's sequence as its
 * fence); bare: the two applies without the reads, as `kubectl apply --server-side` does.
 */
export type OverheadResult = { slipway: number[]; accept: number[]; raw: number[]; bare: number[]; errors: number };

export async function measureDeployOverhead(options: {
  base: string;
  token: string;
  team: string;
  apps: string[];
  rawApps: string[];
  rawTeam: string;
  platform: PlatformClient;
  progress: ProgressListener;
  rounds: number;
}): Promise<OverheadResult> {
  const { base, token, team, apps, progress, platform } = options;
  const rawNamespace = `team-${options.rawTeam}`;
  await teamToken(platform, rawNamespace, "deployer"); // pre-minted: the raw applies find it cached
  const raw = teamClient(platform, rawNamespace, "deployer");
  const result: OverheadResult = { slipway: [], accept: [], raw: [], bare: [], errors: 0 };

  for (let round = -2; round < options.rounds; round++) {
    // Two warm-up rounds (first connections, JIT) are not counted.
    const app = apps[(round + apps.length) % apps.length]!;
    const began = performance.now();
    const reply = await request(base, "POST", `/api/v1/teams/${team}/apps/${app}/deploys`, {
      headers: bearer(token),
      body: { version: `oh-${round + 3}-${Date.now()}` },
    });
    if (reply.status !== 202) {
      result.errors++;
      continue;
    }
    if (round >= 0) result.accept.push(performance.now() - began);
    const { release } = JSON.parse(reply.body) as { release: { id: string } };
    try {
      const at = await progress.waitFor(release.id, "ROLLING_OUT", 30_000);
      if (round >= 0) result.slipway.push(at - began);
    } catch {
      result.errors++;
    }

    const rawApp = options.rawApps[(round + options.rawApps.length) % options.rawApps.length]!;
    const input = {
      app: {
        team: options.rawTeam,
        namespace: rawNamespace,
        name: rawApp,
        image: `registry.example.com/bench/${rawApp}:raw-${round + 3}-${Date.now()}`,
        containerPort: 8080,
        replicas: 1,
        env: [{ name: "GREETING", value: "hello" }],
        resources: { requests: { cpu: "10m", memory: "16Mi" } },
      },
      release: { id: randomUUID(), sequence: round + 3 },
      progressDeadlineSeconds: 60,
      mayHaveIngress: false,
    };
    const rawBegan = performance.now();
    await applyRelease(raw, input);
    if (round >= 0) result.raw.push(performance.now() - rawBegan);

    const where = { namespace: rawNamespace, name: rawApp };
    const bareBegan = performance.now();
    await raw.apps.patchNamespacedDeployment(
      { ...where, body: buildDeployment(input.app, input.release, input), ...APPLY_PARAMS },
      applyPatchOptions(),
    );
    await raw.core.patchNamespacedService({ ...where, body: buildService(input.app, input.release), ...APPLY_PARAMS }, applyPatchOptions());
    if (round >= 0) result.bare.push(performance.now() - bareBegan);
  }
  return result;
}

export function overheadRatios(result: OverheadResult) {
  const p50 = percentile(result.slipway, 50) / percentile(result.raw, 50);
  const p99 = percentile(result.slipway, 99) / percentile(result.raw, 99);
  return { p50, p99, bareP50: percentile(result.slipway, 50) / percentile(result.bare, 50) };
}
