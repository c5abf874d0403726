import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { teamUseCase } from "@/lib/usecase/define";
import { findWebhook } from "./find-webhook";
import { sealSecret } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "./webhook-secret";
import { hostOf, webhookParam } from "./webhook.types";

/** A new signing secret, shown once; deliveries from now on are signed with it. */
export const rotateWebhookSecret = teamUseCase({
  name: "rotateWebhookSecret",
  summary: "Replace a webhook's signing secret; the response is the only time the new one is shown",
  permissions: ["webhook.manage"],
  input: webhookParam,
  output: z.object({ id: z.uuid(), secret: z.string() }),
  route: { method: "POST", path: "/teams/{team}/webhooks/{webhookId}/secret" },
  async run({ ctx, input }) {
    const secret = generateWebhookSecret();
    const secretEncrypted = sealSecret(secret);
    const id = await db().$transaction(async (tx) => {
      const webhook = await findWebhook(ctx, input.webhookId, tx);
      await tx.webhook.update({ where: { id: webhook.id }, data: { secretEncrypted, updatedAt: new Date() } });
      await recordTeamEvent(tx, ctx, "webhook.rotate", {
        target: { type: "webhook", id: webhook.id },
        data: { host: hostOf(webhook.url) },
      });
      return webhook.id;
    });
    return { id, secret };
  },
});
