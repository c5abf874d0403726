import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import { diffSpecs, type ReleaseSpec } from "./release-spec";

/** One release, with what changed since the release before it. */
export async function getRelease(options: { ctx: TeamContext; app: string; sequence: number }) {
  const app = await findApp(options.ctx, options.app, { includeArchived: true });
  const [release, previous] = await Promise.all([
    db().release.findUnique({
      where: { appId_sequence: { appId: app.id, sequence: options.sequence } },
      include: { requestedBy: { select: { email: true, name: true } }, rollbackOf: { select: { sequence: true } } },
    }),
    db().release.findFirst({ where: { appId: app.id, sequence: { lt: options.sequence } }, orderBy: { sequence: "desc" } }),
  ]);
  if (!release) throw new AppError("NOT_FOUND", `${app.name} has no release #${options.sequence}.`);
  return {
    release,
    previousSequence: previous?.sequence ?? null,
    changes: diffSpecs((previous?.spec as ReleaseSpec | undefined) ?? null, release.spec as ReleaseSpec),
  };
}
