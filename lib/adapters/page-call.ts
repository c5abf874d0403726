/**
 * The page adapter: a server-rendered page reads through the same use-cases as the
 * API, as the signed-in person. No session: the sign-in page, coming back here. An
 * unknown team, app or malformed path parameter: the not-found page. Not allowed: the
 * reason, for the page to show (it names the role needed and whom to ask).
 */
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { may } from "@/lib/authz/authorize";
import type { TeamPermission } from "@/lib/authz/permissions";
import type { AnyTeamContext, TeamContext } from "@/lib/authz/team-context";
import { isAppError } from "@/lib/errors";
import type { AdminUseCase, AnyUseCase, TeamUseCase, UserUseCase } from "@/lib/usecase/define";
import { runUseCase } from "./run-use-case";
import type { z } from "zod";

type Outcome<C, O> = { ctx: C; output: O; forbidden?: undefined } | { ctx?: undefined; output?: undefined; forbidden: string };

export async function pageCall<P extends TeamPermission, I extends z.ZodType, O extends z.ZodType>(
  useCase: TeamUseCase<P, I, O>,
  params: { team: string } & Record<string, string>,
  input?: Record<string, unknown>,
): Promise<Outcome<TeamContext<P>, z.output<O>>>;
export async function pageCall<I extends z.ZodType, O extends z.ZodType>(
  useCase: UserUseCase<I, O> | AdminUseCase<I, O>,
  params?: Record<string, string>,
  input?: Record<string, unknown>,
): Promise<Outcome<unknown, z.output<O>>>;
export async function pageCall(
  useCase: AnyUseCase,
  params: Record<string, string> = {},
  input: Record<string, unknown> = {},
): Promise<Outcome<unknown, unknown>> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(params.team ? `/teams/${params.team}` : "/")}`);
  try {
    return await runUseCase(useCase, { actor: { ...user, via: "session" }, request: {} }, params, input);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return { forbidden: error.message };
    throw error;
  }
}

/** Whether to offer a use-case's button or form. Its own check runs again when it is used. */
export function allowed(ctx: AnyTeamContext, useCase: { permissions: readonly TeamPermission[] }): boolean {
  return may(ctx, useCase.permissions);
}
