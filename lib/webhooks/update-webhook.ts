import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { teamUseCase } from "@/lib/usecase/define";
import { findWebhook } from "./find-webhook";
import { hostOf, updateWebhookInput, WEBHOOK_VIEW_SELECT, webhookView } from "./webhook.types";

export const updateWebhook = teamUseCase({
  name: "updateWebhook",
  summary: "Change a webhook's URL, events, format or active flag (only the fields given)",
  permissions: ["webhook.manage"],
  input: updateWebhookInput,
  output: webhookView,
  route: { method: "PATCH", path: "/teams/{team}/webhooks/{webhookId}" },
  async run({ ctx, input }) {
    const { webhookId, ...changes } = input;
    return db().$transaction(async (tx) => {
      const before = await findWebhook(ctx, webhookId, tx);
      const changed = Object.entries(changes)
        .filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]))
        .map(([key]) => key);
      const updated = await tx.webhook.update({
        where: { id: before.id },
        data: { ...changes, ...(changed.length > 0 ? { updatedAt: new Date() } : {}) },
        select: WEBHOOK_VIEW_SELECT,
      });
      if (changed.length > 0) {
        await recordTeamEvent(tx, ctx, "webhook.update", {
          target: { type: "webhook", id: before.id },
          data: { host: hostOf(updated.url), changed },
        });
      }
      return updated;
    });
  },
});
