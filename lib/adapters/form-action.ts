/**
 * The server-action adapter: a form posts to the same use-case the API serves.
 * Pages bind the path parameters (`action.bind(null, { team, app })`) and hand the
 * bound action to the form component as a prop. Expected failures come back as
 * ActionState for the form (field errors, and what was typed); anything else is
 * logged and shown as a generic message with the request id.
 */
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import type { AnyTeamContext, PlatformAdminContext, UserContext } from "@/lib/authz/team-context";
import { AppError, toHttpError, type FieldErrors } from "@/lib/errors";
import { logger, withRequestScope } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import type { AnyUseCase } from "@/lib/usecase/define";
import type { ActionState } from "./action-state";
import { requestInfo } from "./request-info";
import { runUseCase } from "./run-use-case";

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
type Done = { message: string; secret?: string };

export type FormActionOptions<U extends AnyUseCase> = {
  /** The form's fields -> the use-case's input (default: the fields as they are). */
  fromForm?: (values: Record<string, string>) => Record<string, unknown>;
  /** An input path -> the form field that shows its error (a spec path may map to one input). */
  fieldOf?: (path: string) => string;
  /** Fields never handed back to the form after a failure (secret values, credentials): the person types them again. */
  writeOnly?: readonly string[];
  /** What to tell the person, or a redirect (redirect() throws, which is how Next does it). */
  done: (result: {
    ctx: U["scope"] extends "team" ? AnyTeamContext : U["scope"] extends "admin" ? PlatformAdminContext : UserContext;
    input: Parameters<U["run"]>[0]["input"];
    output: Awaited<ReturnType<U["run"]>>;
  }) => Done | Promise<Done>;
};

function formValues(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$")).map(([key, value]) => [key, String(value)]));
}

/** Field errors keyed by the form's input names, each message saying which line when the path is a list's. */
function regroup(fields: FieldErrors, fieldOf?: (path: string) => string): FieldErrors {
  if (!fieldOf) return fields;
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const line = path.match(/(?:^|\.)env\.(\d+)\./);
    (out[fieldOf(path)] ??= []).push(...messages.map((m) => (line ? `line ${Number(line[1]) + 1}: ${m}` : m)));
  }
  return out;
}

/**
 * The line above the submit button. With field errors it only points at them: the API's
 * message names input paths ("env.0.name") that mean nothing on a form, and each
 * field already shows its own message.
 */
function summaryOf(code: string, message: string, requestId: string, fieldErrors: FieldErrors | undefined): string {
  if (code === "INTERNAL") return `${message} Reference: ${requestId}.`;
  const count = Object.keys(fieldErrors ?? {}).length;
  if (count === 0) return message;
  return count === 1 ? "One field needs a change: see its message." : `${count} fields need a change: see their messages.`;
}

export function formAction<U extends AnyUseCase>(useCase: U, options: FormActionOptions<U>) {
  return async (params: Record<string, string>, _previous: ActionState, formData: FormData): Promise<ActionState> => {
    const info = requestInfo(await headers());
    const values = formValues(formData);
    const started = performance.now();
    return withRequestScope(info.id, async () => {
      let state: ActionState;
      try {
        const user = await getSessionUser();
        if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
        const caller = { actor: { ...user, via: "session" as const }, request: info };
        const raw = options.fromForm ? options.fromForm(values) : values;
        const result = await runUseCase(useCase, caller, params, raw);
        state = { ok: true, ...(await options.done(result as never)) };
      } catch (error) {
        // redirect() and notFound() work by throwing; they are not failures.
        unstable_rethrow(error);
        const { body } = toHttpError(error, (message, cause) => logger.error({ err: cause }, message));
        const fieldErrors = body.error.fields && regroup(body.error.fields, options.fieldOf);
        const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !options.writeOnly?.includes(key)));
        state = { ok: false, message: summaryOf(body.error.code, body.error.message, info.id, fieldErrors), fieldErrors, values: kept };
      }
      const seconds = (performance.now() - started) / 1000;
      metrics.httpRequests.observe({ method: "ACTION", route: useCase.name, status: state.ok ? "ok" : "failed" }, seconds);
      logger.info({ method: "ACTION", route: useCase.name, ok: state.ok, durationMs: Math.round(seconds * 1000) }, "request");
      return state;
    });
  };
}
