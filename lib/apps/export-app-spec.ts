import type { TeamContext } from "@/lib/authz/team-context";
import { appSpecToYaml } from "./app-spec-yaml";
import { findApp } from "./find-app";
import { specOfApp } from "./spec-of-app";

/** The app's spec file, to keep in git and apply again with applyAppSpec. */
export async function exportAppSpec(options: { ctx: TeamContext; app: string }) {
  const app = await findApp(options.ctx, options.app);
  return { filename: `${app.name}.slipway.yaml`, yaml: appSpecToYaml(specOfApp(app), options.ctx.team.slug) };
}
