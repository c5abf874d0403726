/**
 * The one pipeline every surface goes through: context (authorization) first, then
 * input validation, then the use-case. Access comes before validation, so a caller
 * without access learns nothing from validation errors.
 */
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { authorizePlatformAdmin, authorizeTeam, authorizeUser } from "@/lib/authz/authorize";
import { AppError } from "@/lib/errors";
import type { AnyUseCase } from "@/lib/usecase/define";
import { parseInput } from "@/lib/validation/parse-input";

/** Whoever calls; no actor only for public use-cases. */
export type Caller = { actor: Actor; request: RequestInfo } | { actor?: undefined; request: RequestInfo };

export async function contextFor(useCase: AnyUseCase, caller: Caller, params: Record<string, string>) {
  if (useCase.scope === "public") return { request: caller.request };
  if (!caller.actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send a personal access token: Authorization: Bearer slw_...");
  const known = { actor: caller.actor, request: caller.request };
  switch (useCase.scope) {
    case "team":
      return authorizeTeam({ ...known, teamSlug: params.team ?? "", permissions: useCase.permissions });
    case "admin":
      return authorizePlatformAdmin(known);
    case "user":
      return authorizeUser(known);
  }
}

/** `params` are the path parameters (team, app, ...); `raw` the rest of the input, unvalidated. */
export async function runUseCase(useCase: AnyUseCase, caller: Caller, params: Record<string, string>, raw: Record<string, unknown>) {
  const ctx = await contextFor(useCase, caller, params);
  // The team is the context's business; the other path parameters are input.
  const { team, ...rest } = params;
  const input = parseInput(useCase.input, { ...raw, ...(useCase.scope === "team" ? rest : { ...rest, ...(team ? { team } : {}) }) });
  // The scope switch above made the context this use-case asks for.
  const output: unknown = await useCase.run({ ctx: ctx as never, input });
  return { ctx, input, output };
}
