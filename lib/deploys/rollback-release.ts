import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import type { RollbackInput } from "./deploy-app.types";
import type { ReleaseSpec } from "./release-spec";
import { requestRelease } from "./request-release";

/** A rollback is a new release with an earlier successful release's spec, attributed to who asked. */
export async function rollbackRelease(options: { ctx: TeamContext; app: string; input: RollbackInput }) {
  const { ctx, input } = options;
  const app = await findApp(ctx, options.app);
  const target = await db().release.findUnique({ where: { appId_sequence: { appId: app.id, sequence: input.sequence } } });
  if (!target) throw new AppError("NOT_FOUND", `${app.name} has no release #${input.sequence}.`);
  if (target.status !== "SUCCEEDED") {
    throw new AppError(
      "CONFLICT",
      `Release #${target.sequence} did not succeed (${target.status.toLowerCase()}); roll back to a successful one.`,
    );
  }
  return requestRelease({
    ctx,
    app,
    spec: target.spec as ReleaseSpec,
    idempotencyKey: input.idempotencyKey,
    rollbackOf: { id: target.id, sequence: target.sequence },
  });
}
