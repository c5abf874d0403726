import type { TeamContext } from "@/lib/authz/team-context";
import { findApp } from "./find-app";
import { specOfApp } from "./spec-of-app";

export async function getAppSpec(options: { ctx: TeamContext; app: string }) {
  return specOfApp(await findApp(options.ctx, options.app));
}
