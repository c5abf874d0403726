import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { teamUseCase } from "@/lib/usecase/define";
import { findWebhook } from "./find-webhook";
import { hostOf, webhookParam } from "./webhook.types";

/** Deletes a webhook and its delivery log; deliveries not yet sent are dropped. */
export const deleteWebhook = teamUseCase({
  name: "deleteWebhook",
  summary: "Delete a webhook with its delivery log",
  permissions: ["webhook.manage"],
  input: webhookParam,
  output: z.object({ id: z.uuid(), deleted: z.boolean() }),
  route: { method: "DELETE", path: "/teams/{team}/webhooks/{webhookId}" },
  async run({ ctx, input }) {
    return db().$transaction(async (tx) => {
      const webhook = await findWebhook(ctx, input.webhookId, tx);
      await tx.webhook.delete({ where: { id: webhook.id } });
      await recordTeamEvent(tx, ctx, "webhook.delete", {
        target: { type: "webhook", id: webhook.id },
        data: { host: hostOf(webhook.url) },
      });
      return { id: webhook.id, deleted: true };
    });
  },
});
