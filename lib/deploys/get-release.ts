import { z } from "zod";
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { releaseParams, releaseWithPeople } from "./release.types";
import { diffSpecs, type ReleaseSpec } from "@/lib/apps/release-spec";

/** One release, with what changed since the release before it. */
export const getRelease = teamUseCase({
  name: "getRelease",
  summary: "One release, with the field-level changes since the release before it",
  permissions: ["app.read"],
  input: releaseParams,
  output: z.object({
    release: releaseWithPeople,
    previousSequence: z.number().int().nullable(),
    changes: z.array(
      z.object({
        field: z.string(),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        summary: z.string().optional().describe('A sentence where the field alone says too little: "DATABASE_URL changed (v3 → v4)"'),
      }),
    ),
  }),
  route: { method: "GET", path: "/teams/{team}/apps/{app}/releases/{sequence}" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const [release, previous] = await Promise.all([
      db().release.findUnique({
        where: { appId_sequence: { appId: app.id, sequence: input.sequence } },
        include: {
          requestedBy: { select: { email: true, name: true } },
          rollbackOf: { select: { sequence: true } },
          environment: { select: { name: true } },
        },
      }),
      db().release.findFirst({ where: { appId: app.id, sequence: { lt: input.sequence } }, orderBy: { sequence: "desc" } }),
    ]);
    if (!release) throw new AppError("NOT_FOUND", `${app.name} has no release #${input.sequence}.`);
    return {
      release,
      previousSequence: previous?.sequence ?? null,
      changes: diffSpecs((previous?.spec as ReleaseSpec | undefined) ?? null, release.spec as ReleaseSpec),
    };
  },
});
