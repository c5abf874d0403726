import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import type { ReleaseSpec } from "@/lib/apps/release-spec";
import { requestRelease } from "@/lib/deploys/request-release";

/**
 * A changed secret reaches the pods as a new release through the usual deploy path:
 * the spec of the release that is going out or running (the newest one that did not
 * fail, else the newest that reached the cluster), with the secret versions of now,
 * whose hash in the pod template replaces every pod. An app never deployed is left alone.
 */
export async function rollForSecret(ctx: TeamContext<"app.deploy">, app: { id: string; name: string }, reason: string) {
  const newest = { orderBy: { sequence: "desc" as const } };
  const current =
    (await db().release.findFirst({ where: { appId: app.id, status: { not: "FAILED" } }, ...newest })) ??
    (await db().release.findFirst({ where: { appId: app.id, generation: { not: null } }, ...newest }));
  if (!current) return null;
  const { release } = await requestRelease({ ctx, app, spec: current.spec as ReleaseSpec, reason });
  return release;
}
