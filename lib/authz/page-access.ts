/** Access checks for server-rendered pages: the same rules as actions and the API. */
import { notFound } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { authorizeTeam } from "./authorize";
import { roleAllows, type TeamPermission } from "./permissions";
import type { TeamContext } from "./team-context";

export async function pageActor(callbackPath: string): Promise<Actor> {
  return { ...(await requireSessionUser(callbackPath)), via: "session" };
}

/** The team page's context, or the reason the person may not see it (shown, not thrown). */
export async function teamPageAccess(
  slug: string,
  permission: TeamPermission = "team.read",
): Promise<{ ctx: TeamContext; forbidden?: undefined } | { ctx?: undefined; forbidden: string }> {
  const actor = await pageActor(`/teams/${slug}`);
  try {
    return { ctx: await authorizeTeam({ actor, teamSlug: slug, permission }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return { forbidden: error.message };
    throw error;
  }
}

/** Whether to offer an action in the UI. The server-side wrappers check again. */
export function can(ctx: TeamContext, permission: TeamPermission): boolean {
  return ctx.actor.isPlatformAdmin || roleAllows(ctx.role, permission);
}

/** For pages: a NOT_FOUND from a use-case is the not-found page, not the error page. */
export function notFoundOnAppError(error: unknown): never {
  if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
  throw error;
}
