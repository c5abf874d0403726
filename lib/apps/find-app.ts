import { cache } from "react";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";

/**
 * One read per page render however many of the page's use-cases ask for the app (React's
 * `cache` memoizes only inside a server render, as for the team in lib/authz/authorize.ts;
 * API requests and actions read every time). Callers share the row: never change it.
 */
const appByName = cache((teamId: string, name: string) => db().app.findUnique({ where: { teamId_name: { teamId, name } } }));

/** The team's app by name; archived apps only when asked for. */
export async function findApp(ctx: AnyTeamContext, name: string, options: { tx?: Tx; includeArchived?: boolean } = {}) {
  const app = options.tx
    ? await options.tx.app.findUnique({ where: { teamId_name: { teamId: ctx.team.id, name } } })
    : await appByName(ctx.team.id, name);
  if (!app || (app.archivedAt && !options.includeArchived)) {
    throw new AppError("NOT_FOUND", `${ctx.team.name} has no app "${name}".`);
  }
  return app;
}
