import { z } from "zod";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf, releasesIn } from "@/lib/environments/team-environments";
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { releaseNumber } from "@/lib/validation/fields";
import { idempotencyKey, releaseRequested, releaseRequestedStatus } from "./release.types";
import type { ReleaseSpec } from "@/lib/apps/release-spec";
import { requestRelease } from "./request-release";

/**
 * A rollback is a new release with an earlier successful release's spec, attributed to
 * who asked; that spec also becomes the app's saved settings, so the next Deploy keeps it.
 */
export const rollbackRelease = teamUseCase({
  name: "rollbackRelease",
  summary: "Roll back: a new release with an earlier successful release's spec (`{ sequence }`), which becomes the app's settings",
  permissions: ["app.deploy"],
  input: z.object({ app: z.string(), sequence: releaseNumber, idempotencyKey }).extend(environmentField.shape),
  output: releaseRequested,
  route: {
    method: "POST",
    path: "/teams/{team}/apps/{app}/rollbacks",
    headers: { idempotencyKey: "idempotency-key" },
    statusOf: releaseRequestedStatus,
  },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const environment = await environmentOf(ctx, input.environment);
    const target = await db().release.findFirst({ where: { appId: app.id, sequence: input.sequence, ...releasesIn(environment) } });
    if (!target) throw new AppError("NOT_FOUND", `${app.name} has no release #${input.sequence} in ${environment.name}.`);
    if (target.status !== "SUCCEEDED") {
      throw new AppError(
        "CONFLICT",
        `Release #${target.sequence} did not succeed (${target.status.toLowerCase()}); roll back to a successful one.`,
      );
    }
    return requestRelease({
      ctx,
      app,
      environment,
      spec: target.spec as ReleaseSpec,
      idempotencyKey: input.idempotencyKey,
      rollbackOf: { id: target.id, sequence: target.sequence },
      // One spec whatever the door: the next Deploy keeps what was rolled back to.
      saveAsSettings: true,
    });
  },
});
