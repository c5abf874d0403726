import { teamUseCase } from "@/lib/usecase/define";
import { appNameParam, appWithSpec } from "./app.types";
import { findApp } from "./find-app";
import { specOfApp } from "./spec-of-app";

export const getApp = teamUseCase({
  name: "getApp",
  summary: "The app's settings, and the same as a spec",
  permissions: ["app.read"],
  input: appNameParam,
  output: appWithSpec,
  route: { method: "GET", path: "/teams/{team}/apps/{app}" },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    return { ...app, spec: specOfApp(app) };
  },
});
