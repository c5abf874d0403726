import { z } from "zod";
import { imageReference, imageVersion } from "@/lib/apps/app-spec.types";
import { findApp } from "@/lib/apps/find-app";
import { specOfApp } from "@/lib/apps/spec-of-app";
import { teamUseCase } from "@/lib/usecase/define";
import { idempotencyKey, releaseRequested, releaseRequestedStatus } from "./release.types";
import { releaseSpec } from "@/lib/apps/release-spec";
import { requestRelease } from "./request-release";

/** Deploys the app's current settings with the given image version (DESIGN.md, "Deploy flow"). */
export const deployApp = teamUseCase({
  name: "deployApp",
  summary: "Deploy a version (tag or digest) with the app's current settings; send an Idempotency-Key to make retries safe",
  permissions: ["app.deploy"],
  input: z.object({ app: z.string(), version: imageVersion, idempotencyKey }),
  output: releaseRequested,
  route: {
    method: "POST",
    path: "/teams/{team}/apps/{app}/deploys",
    headers: { idempotencyKey: "idempotency-key" },
    statusOf: releaseRequestedStatus,
  },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const spec = releaseSpec(specOfApp(app), imageReference(app.imageRepository, input.version));
    return requestRelease({ ctx, app, spec, idempotencyKey: input.idempotencyKey });
  },
});
