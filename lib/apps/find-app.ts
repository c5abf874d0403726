import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";

/** The team's app by name; archived apps only when asked for. */
export async function findApp(ctx: AnyTeamContext, name: string, options: { tx?: Tx; includeArchived?: boolean } = {}) {
  const app = await (options.tx ?? db()).app.findUnique({ where: { teamId_name: { teamId: ctx.team.id, name } } });
  if (!app || (app.archivedAt && !options.includeArchived)) {
    throw new AppError("NOT_FOUND", `${ctx.team.name} has no app "${name}".`);
  }
  return app;
}
