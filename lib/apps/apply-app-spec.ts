import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { appView } from "./app.types";
import { parseAppSpecYaml } from "./app-spec-yaml";
import { createApp } from "./create-app";
import { updateApp } from "./update-app";

/**
 * Applies an app spec file: registers the app if the team has none by that name,
 * otherwise replaces its settings (effective at the next deploy), like `kubectl apply`.
 * It may do either, so it needs both permissions.
 */
export const applyAppSpec = teamUseCase({
  name: "applyAppSpec",
  summary: "Create or update the app an app spec file describes (the request body is the YAML file)",
  permissions: ["app.create", "app.update"],
  input: z.object({ text: z.string() }),
  output: z.object({ app: appView, created: z.boolean() }),
  route: {
    method: "PUT",
    path: "/teams/{team}/apps/spec",
    body: "text",
    statusOf: { statuses: [201, 200], pick: (o) => (o.created ? 201 : 200) },
  },
  async run({ ctx, input }) {
    const spec = parseAppSpecYaml(input.text, ctx.team.slug);
    const existing = await db().app.findUnique({
      where: { teamId_name: { teamId: ctx.team.id, name: spec.name } },
      select: { archivedAt: true },
    });
    if (existing?.archivedAt) {
      throw new AppError("CONFLICT", `${ctx.team.name}'s app "${spec.name}" is archived; choose another name.`, {
        fieldErrors: { name: ["belongs to an archived app"] },
      });
    }
    if (existing) return { app: await updateApp.run({ ctx, input: { app: spec.name, spec } }), created: false };
    return { app: await createApp.run({ ctx, input: spec }), created: true };
  },
});
