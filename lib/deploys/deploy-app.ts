import { z } from "zod";
import { imageReference, imageVersion } from "@/lib/apps/app-spec.types";
import { findApp } from "@/lib/apps/find-app";
import { specOfApp } from "@/lib/apps/spec-of-app";
import { replicasIn } from "@/lib/apps/replicas-in";
import { teamUseCase } from "@/lib/usecase/define";
import { idempotencyKey, releaseRequested, releaseRequestedStatus } from "./release.types";
import { releaseSpec } from "@/lib/apps/release-spec";
import { requestRelease } from "./request-release";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf } from "@/lib/environments/team-environments";
import { freezeOverrideFields, overrideReasonOf } from "@/lib/environments/freeze-override";

/** Deploys the app's current settings with the given image version to one environment (DESIGN.md, "Deploy flow"). */
export const deployApp = teamUseCase({
  name: "deployApp",
  summary:
    "Deploy a version (tag or digest) with the app's current settings to `environment` (default: the team's first); send an Idempotency-Key to make retries safe",
  permissions: ["app.deploy"],
  input: z
    .object({ app: z.string(), version: imageVersion, idempotencyKey })
    .extend(environmentField.shape)
    .extend(freezeOverrideFields.shape),
  output: releaseRequested,
  route: {
    method: "POST",
    path: "/teams/{team}/apps/{app}/deploys",
    headers: { idempotencyKey: "idempotency-key" },
    statusOf: releaseRequestedStatus,
  },
  async run({ ctx, input }) {
    // Two independent reads side by side (a round trip less before the 202); an unknown
    // app is still the error a request naming neither app nor environment gets.
    const environmentRead = environmentOf(ctx, input.environment);
    environmentRead.catch(() => {});
    const app = await findApp(ctx, input.app);
    const environment = await environmentRead;
    const settings = { ...specOfApp(app), replicas: await replicasIn(app, environment) };
    const spec = releaseSpec(settings, imageReference(app.imageRepository, input.version));
    const overrideReason = overrideReasonOf(input);
    return requestRelease({ ctx, app, environment, spec, idempotencyKey: input.idempotencyKey, overrideReason });
  },
});
