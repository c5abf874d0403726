import { db } from "@/lib/db";
import { assertTeamPermission } from "@/lib/authz/authorize";
import type { TeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import { parseAppSpecYaml } from "./app-spec-yaml";
import { createApp } from "./create-app";
import { updateApp } from "./update-app";

/**
 * Applies an app spec file: registers the app if the team has none by that name,
 * otherwise replaces its settings (effective at the next deploy), like `kubectl apply`.
 */
export async function applyAppSpec(options: { ctx: TeamContext; yaml: string }) {
  const { ctx } = options;
  const input = parseAppSpecYaml(options.yaml, ctx.team.slug);
  const existing = await db().app.findUnique({
    where: { teamId_name: { teamId: ctx.team.id, name: input.name } },
    select: { archivedAt: true },
  });
  if (existing?.archivedAt) {
    throw new AppError("CONFLICT", `${ctx.team.name}'s app "${input.name}" is archived; choose another name.`, {
      fieldErrors: { name: ["belongs to an archived app"] },
    });
  }
  if (existing) {
    await assertTeamPermission(ctx, "app.update");
    return { app: await updateApp({ ctx, app: input.name, input }), created: false };
  }
  await assertTeamPermission(ctx, "app.create");
  return { app: await createApp({ ctx, input }), created: true };
}
