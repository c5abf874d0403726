import { z } from "zod";
import { db } from "@/lib/db";
import { findApp } from "@/lib/apps/find-app";
import { specOfApp } from "@/lib/apps/spec-of-app";
import { scaledIn } from "@/lib/apps/replicas-in";
import type { ReleaseSpec } from "@/lib/apps/release-spec";
import { AppError } from "@/lib/errors";
import { environmentName } from "@/lib/environments/environment.types";
import { freezeOverrideFields, overrideReasonOf } from "@/lib/environments/freeze-override";
import { releasesIn, teamEnvironments, type TeamEnvironment } from "@/lib/environments/team-environments";
import { teamUseCase } from "@/lib/usecase/define";
import { releaseNumber } from "@/lib/validation/fields";
import { digestOfReference, pinnedImage } from "./image-digest";
import { idempotencyKey, releaseRequested, releaseRequestedStatus } from "./release.types";
import { requestRelease } from "./request-release";

/**
 * Promotion: the exact build a succeeded release ran in `from` (its image pinned by
 * the digest recorded when it ran) and its spec, released to `to`. What belongs to the
 * target environment stays the target's: replicas and host from its latest succeeded
 * release (the app's settings when it has none; a Scale there since: that count, see
 * lib/apps/replicas-in.ts), secrets at their current versions.
 */
export const promoteRelease = teamUseCase({
  name: "promoteRelease",
  summary:
    "Promote a succeeded release (`sequence`, default: the latest in `from`) to `to`: the same image by digest and spec, the target's replicas, host and secrets",
  permissions: ["app.deploy"],
  input: z
    .object({ app: z.string(), from: environmentName, to: environmentName, sequence: releaseNumber.optional(), idempotencyKey })
    .extend(freezeOverrideFields.shape),
  output: releaseRequested,
  route: {
    method: "POST",
    path: "/teams/{team}/apps/{app}/promotions",
    headers: { idempotencyKey: "idempotency-key" },
    statusOf: releaseRequestedStatus,
  },
  async run({ ctx, input }) {
    if (input.from === input.to) {
      throw new AppError("INVALID_INPUT", "Promote to another environment.", { fieldErrors: { to: ["must differ from from"] } });
    }
    const app = await findApp(ctx, input.app);
    const environments = await teamEnvironments(ctx.team);
    const named = (field: "from" | "to"): TeamEnvironment => {
      const found = environments.find((environment) => environment.name === input[field]);
      if (found) return found;
      throw new AppError("NOT_FOUND", `${ctx.team.name} has no environment "${input[field]}".`, {
        fieldErrors: { [field]: ["is not one of the team's environments"] },
      });
    };
    const from = named("from");
    const to = named("to");
    const source = await db().release.findFirst({
      where: { appId: app.id, ...releasesIn(from), ...(input.sequence ? { sequence: input.sequence } : { status: "SUCCEEDED" }) },
      orderBy: { sequence: "desc" },
    });
    if (!source) {
      const what = input.sequence ? `release #${input.sequence}` : "a succeeded release";
      throw new AppError("NOT_FOUND", `${app.name} has no ${what} in ${from.name}.`, {
        fieldErrors: input.sequence ? { sequence: [`is not a release in ${from.name}`] } : { from: ["has no succeeded release"] },
      });
    }
    if (source.status !== "SUCCEEDED") {
      throw new AppError(
        "CONFLICT",
        `Release #${source.sequence} did not succeed (${source.status.toLowerCase()}); promote a successful one.`,
        {
          fieldErrors: { sequence: ["did not succeed"] },
        },
      );
    }
    const digest = source.imageDigest ?? digestOfReference(source.image);
    if (!digest) {
      throw new AppError(
        "CONFLICT",
        `Release #${source.sequence} ran ${source.image} and no digest was recorded for it, so the exact build is unknown; deploy it by digest (repository@sha256:…) to promote it.`,
      );
    }
    const current = await db().release.findFirst({
      where: { appId: app.id, ...releasesIn(to), status: "SUCCEEDED" },
      orderBy: { sequence: "desc" },
      select: { spec: true },
    });
    const target = current ? (current.spec as ReleaseSpec) : specOfApp(app);
    const { host: _sourceHost, ...carried } = source.spec as ReleaseSpec;
    const spec: ReleaseSpec = {
      ...carried,
      image: pinnedImage(source.image, digest),
      replicas: (await scaledIn(app, to)) ?? target.replicas,
      ...(target.host ? { host: target.host } : {}),
    };
    return requestRelease({
      ctx,
      app,
      environment: to,
      spec,
      idempotencyKey: input.idempotencyKey,
      overrideReason: overrideReasonOf(input),
      promotion: { from: from.name, fromSequence: source.sequence, digest },
    });
  },
});
