import type { TeamContext } from "@/lib/authz/team-context";
import { imageReference } from "@/lib/apps/app-spec.types";
import { findApp } from "@/lib/apps/find-app";
import { specOfApp } from "@/lib/apps/spec-of-app";
import type { DeployAppInput } from "./deploy-app.types";
import { releaseSpec } from "./release-spec";
import { requestRelease } from "./request-release";

/** Deploys the app's current settings with the given image version (DESIGN.md, "Deploy flow"). */
export async function deployApp(options: { ctx: TeamContext; app: string; input: DeployAppInput }) {
  const { ctx, input } = options;
  const app = await findApp(ctx, options.app);
  const spec = releaseSpec(specOfApp(app), imageReference(app.imageRepository, input.version));
  return requestRelease({ ctx, app, spec, idempotencyKey: input.idempotencyKey });
}
