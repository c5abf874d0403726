import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { assertAppHostAllowed } from "./app-host";
import type { AppSpecInput } from "./app-spec.types";
import { findApp } from "./find-app";
import { appSettingsOf, specOfApp } from "./spec-of-app";

/** Changes take effect at the next deploy; the audit event lists what changed. */
export async function updateApp(options: { ctx: TeamContext; app: string; input: AppSpecInput }) {
  const { ctx, input } = options;
  if (input.name !== options.app) {
    throw new AppError("INVALID_INPUT", "An app cannot be renamed; register a new one instead.", {
      fieldErrors: { name: ["cannot change"] },
    });
  }
  assertAppHostAllowed(ctx.team, input.host);
  return db().$transaction(async (tx) => {
    const before = await findApp(ctx, options.app, { tx });
    const after = await tx.app.update({
      where: { id: before.id },
      data: appSettingsOf(input),
    });
    const old = specOfApp(before);
    const now = specOfApp(after);
    const changed = (Object.keys(now) as (keyof typeof now)[]).filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]));
    await recordAuditEvent({
      tx,
      actor: ctx.actor,
      action: "app.update",
      teamId: ctx.team.id,
      target: { type: "app", id: after.name },
      data: { app: after.name, changed },
      request: ctx.request,
    });
    return after;
  });
}
