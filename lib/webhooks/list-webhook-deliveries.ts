import { z } from "zod";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { wholeNumber } from "@/lib/validation/fields";
import { findWebhook } from "./find-webhook";
import { deliveryNumber, deliveryView, webhookParam } from "./webhook.types";

/** The delivery log, newest first, keyset-paged by id (served by the (webhookId, id) index). */
export const listWebhookDeliveries = teamUseCase({
  name: "listWebhookDeliveries",
  summary: "A webhook's deliveries with their responses, newest first; `before` is the previous page's nextBefore",
  permissions: ["webhook.manage"],
  input: webhookParam.extend({ limit: wholeNumber({ min: 1, max: 100 }).optional().default(20), before: deliveryNumber.optional() }),
  output: z.object({ deliveries: z.array(deliveryView), nextBefore: z.string().nullable() }),
  route: { method: "GET", path: "/teams/{team}/webhooks/{webhookId}/deliveries" },
  async run({ ctx, input }) {
    const webhook = await findWebhook(ctx, input.webhookId);
    const rows = await db().webhookDelivery.findMany({
      where: { webhookId: webhook.id, ...(input.before ? { id: { lt: BigInt(input.before) } } : {}) },
      orderBy: { id: "desc" },
      take: input.limit + 1,
    });
    const deliveries = rows.slice(0, input.limit).map((row) => ({ ...row, payload: row.payload as Record<string, unknown> }));
    return { deliveries, nextBefore: rows.length > input.limit ? deliveries[deliveries.length - 1]!.id.toString() : null };
  },
});
