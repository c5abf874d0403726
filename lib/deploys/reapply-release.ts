import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { z } from "zod";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf, releasesIn } from "@/lib/environments/team-environments";
import { idempotencyKey, releaseRequested, releaseRequestedStatus } from "./release.types";
import type { ReleaseSpec } from "@/lib/apps/release-spec";
import { requestRelease } from "./request-release";

/**
 * Puts a drifted app back to its current release (the latest that succeeded): a new
 * release with exactly that spec, applied with force, so what kubectl changed in
 * Slipway's fields is overwritten. Audited as a deploy.request with `reapplyOf`.
 */
export const reapplyRelease = teamUseCase({
  name: "reapplyRelease",
  summary: "Re-apply the current release (the latest that succeeded) over changes made outside Slipway, as a new release",
  permissions: ["app.deploy"],
  input: z.object({ app: z.string(), idempotencyKey }).extend(environmentField.shape),
  output: releaseRequested,
  route: {
    method: "POST",
    path: "/teams/{team}/apps/{app}/reapply",
    headers: { idempotencyKey: "idempotency-key" },
    statusOf: releaseRequestedStatus,
  },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const environment = await environmentOf(ctx, input.environment);
    const current = await db().release.findFirst({
      where: { appId: app.id, status: "SUCCEEDED", ...releasesIn(environment) },
      orderBy: { sequence: "desc" },
    });
    if (!current)
      throw new AppError("CONFLICT", `${app.name} has no successful release in ${environment.name} to re-apply; deploy it first.`);
    return requestRelease({
      ctx,
      app,
      environment,
      spec: current.spec as ReleaseSpec,
      idempotencyKey: input.idempotencyKey,
      reapplyOf: { sequence: current.sequence },
    });
  },
});
