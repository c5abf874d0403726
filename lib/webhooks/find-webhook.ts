import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { TeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";

/** The team's webhook, or NOT_FOUND (another team's id is simply not found). */
export async function findWebhook(ctx: TeamContext<"webhook.manage">, webhookId: string, tx: Tx = db()) {
  const webhook = await tx.webhook.findFirst({ where: { id: webhookId, teamId: ctx.team.id } });
  if (!webhook) throw new AppError("NOT_FOUND", `No webhook ${webhookId} in ${ctx.team.slug}.`);
  return webhook;
}
