/**
 * What an environment asks of a new release there: a freeze window refuses it (a lead
 * may override, with a reason that is audited), and an environment that requires
 * approval makes it wait (AWAITING_APPROVAL) for a lead other than the requester.
 */
import { may } from "@/lib/authz/authorize";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import type { TeamEnvironment } from "./team-environments";

export type ReleaseGate = {
  status: "PENDING" | "AWAITING_APPROVAL";
  /** Set when a lead deployed into a frozen environment. */
  override: { frozenUntil: Date; freezeReason: string | null; reason: string } | null;
};

export function frozenUntil(environment: Pick<TeamEnvironment, "freezeUntil">, now = new Date()): Date | null {
  return environment.freezeUntil && environment.freezeUntil > now ? environment.freezeUntil : null;
}

export function releaseGate(options: {
  ctx: AnyTeamContext;
  environment: TeamEnvironment;
  /** The reason a lead gives to deploy during a freeze. */
  overrideReason?: string;
}): ReleaseGate {
  const { ctx, environment, overrideReason } = options;
  const status = environment.requiresApproval ? "AWAITING_APPROVAL" : "PENDING";
  const until = frozenUntil(environment);
  if (!until) return { status, override: null };
  const why = environment.freezeReason ? `: ${environment.freezeReason}` : "";
  if (!overrideReason) {
    throw new AppError(
      "CONFLICT",
      `${environment.name} is frozen until ${until.toISOString()}${why}. A lead can override with override: true and a reason.`,
      { fieldErrors: { override: [`${environment.name} is frozen until ${until.toISOString()}`] } },
    );
  }
  if (!may(ctx, ["environment.manage"])) {
    throw new AppError(
      "FORBIDDEN",
      `${environment.name} is frozen until ${until.toISOString()}${why}. Only a team lead can override the freeze.`,
    );
  }
  return { status, override: { frozenUntil: until, freezeReason: environment.freezeReason, reason: overrideReason } };
}
