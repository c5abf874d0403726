/**
 * Server actions. Every mutation from the UI goes through one of these wrappers:
 * session -> (membership -> permission) -> input validation -> use-case. Expected
 * failures come back as ActionState for the form; anything else is logged and shown
 * as a generic message.
 */
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requestInfo } from "@/lib/api/request-info";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, toHttpError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import type { ActionState } from "./action-state";
import type { Actor, RequestInfo } from "./actor";
import { authorizePlatformAdmin, authorizeTeam } from "./authorize";
import type { TeamPermission } from "./permissions";
import type { PlatformAdminContext, TeamContext } from "./team-context";

type Success = { message: string; secret?: string };

function formInput(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$")).map(([key, value]) => [key, String(value)]));
}

async function sessionActor(): Promise<{ actor: Actor; request: RequestInfo }> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return { actor: { ...user, via: "session" }, request: requestInfo(await headers()) };
}

async function run(
  fieldOf: ((path: string) => string) | undefined,
  values: Record<string, string>,
  body: () => Promise<Success>,
): Promise<ActionState> {
  try {
    return { ok: true, ...(await body()) };
  } catch (error) {
    // redirect() and notFound() work by throwing; they are not failures.
    unstable_rethrow(error);
    const { body: reply } = toHttpError(error);
    return { ok: false, message: reply.error.message, fieldErrors: reply.error.fields && regroup(reply.error.fields, fieldOf), values };
  }
}

/** Field errors keyed by the form's input names (a spec path may map to one input). */
function regroup(fields: FieldErrors, fieldOf?: (path: string) => string): FieldErrors {
  if (!fieldOf) return fields;
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const line = path.match(/^env\.(\d+)\./);
    (out[fieldOf(path)] ??= []).push(...messages.map((m) => (line ? `line ${Number(line[1]) + 1}: ${m}` : m)));
  }
  return out;
}

/** A form action on a team: bind the team slug, then hand it to useActionState. */
export function teamAction<S extends z.ZodType>(
  permission: TeamPermission,
  schema: S,
  fn: (args: { ctx: TeamContext; input: z.infer<S> }) => Promise<Success>,
  options: { fieldOf?: (path: string) => string } = {},
) {
  return async (teamSlug: string, _previous: ActionState, formData: FormData): Promise<ActionState> =>
    run(options.fieldOf, formInput(formData), async () => {
      const { actor, request } = await sessionActor();
      const ctx = await authorizeTeam({ actor, teamSlug, permission, request });
      return fn({ ctx, input: parseInput(schema, formInput(formData)) });
    });
}

export function adminAction<S extends z.ZodType>(
  schema: S,
  fn: (args: { ctx: PlatformAdminContext; input: z.infer<S> }) => Promise<Success>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> =>
    run(undefined, formInput(formData), async () => {
      const ctx = authorizePlatformAdmin(await sessionActor());
      return fn({ ctx, input: parseInput(schema, formInput(formData)) });
    });
}

/** For what people do to their own things (API tokens). */
export function userAction<S extends z.ZodType>(
  schema: S,
  fn: (args: { actor: Actor; request: RequestInfo; input: z.infer<S> }) => Promise<Success>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> =>
    run(undefined, formInput(formData), async () => fn({ ...(await sessionActor()), input: parseInput(schema, formInput(formData)) }));
}
