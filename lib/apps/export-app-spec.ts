import { db } from "@/lib/db";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { appSpecToYaml } from "./app-spec-yaml";
import { appNameParam } from "./app.types";
import { findApp } from "./find-app";
import { specOfApp } from "./spec-of-app";

/** The app's spec file, to keep in git and apply again (PUT /teams/{team}/apps/spec). */
export const exportAppSpec = teamUseCase({
  name: "exportAppSpec",
  summary: "The app's spec as a YAML file (apply it again with PUT /teams/{team}/apps/spec)",
  permissions: ["app.read"],
  input: appNameParam,
  output: fileBody,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/spec", produces: ["application/yaml"], download: true },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    // Names only, as a comment; set in any of the team's environments.
    const secrets = await db().appSecret.findMany({
      where: { appId: app.id, removedAt: null },
      distinct: ["name"],
      orderBy: { name: "asc" },
      select: { name: true },
    });
    return {
      body: appSpecToYaml(
        specOfApp(app),
        ctx.team.slug,
        secrets.map((s) => s.name),
      ),
      contentType: "application/yaml; charset=utf-8",
      filename: `${app.name}.slipway.yaml`,
    };
  },
});
