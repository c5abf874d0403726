import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { teamUseCase } from "@/lib/usecase/define";
import { findWebhook } from "./find-webhook";
import { deliveryNumber, deliveryView, hostOf, webhookParam } from "./webhook.types";

/**
 * Sends an earlier delivery's event again, as a new delivery (same event id, so the
 * receiver can tell it is the same event); the log keeps both.
 */
export const redeliverWebhook = teamUseCase({
  name: "redeliverWebhook",
  summary: "Send a delivery's event again, as a new delivery with the same event id",
  permissions: ["webhook.manage"],
  input: webhookParam.extend({ deliveryId: deliveryNumber }),
  output: z.object({ delivery: deliveryView }),
  route: { method: "POST", path: "/teams/{team}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", status: 202 },
  async run({ ctx, input }) {
    const delivery = await db().$transaction(async (tx) => {
      const webhook = await findWebhook(ctx, input.webhookId, tx);
      const original = await tx.webhookDelivery.findFirst({ where: { id: BigInt(input.deliveryId), webhookId: webhook.id } });
      if (!original) throw new AppError("NOT_FOUND", `No delivery ${input.deliveryId} of this webhook.`);
      const created = await tx.webhookDelivery.create({
        data: { webhookId: webhook.id, eventId: original.eventId, eventType: original.eventType, payload: original.payload as object },
      });
      await recordTeamEvent(tx, ctx, "webhook.redeliver", {
        target: { type: "webhook", id: webhook.id },
        data: { host: hostOf(webhook.url), delivery: original.id.toString(), eventType: original.eventType },
      });
      return created;
    });
    return { delivery: { ...delivery, payload: delivery.payload as Record<string, unknown> } };
  },
});
