import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { teamUseCase } from "@/lib/usecase/define";
import { sealSecret } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "./webhook-secret";
import { createWebhookInput, hostOf, WEBHOOK_VIEW_SELECT, webhookView } from "./webhook.types";

/** Adds a webhook; the answer is the only time its signing secret is shown. */
export const createWebhook = teamUseCase({
  name: "createWebhook",
  summary: "Add a webhook for the team's events; the response is the only time its signing secret is shown",
  permissions: ["webhook.manage"],
  input: createWebhookInput,
  output: webhookView.extend({ secret: z.string() }),
  route: { method: "POST", path: "/teams/{team}/webhooks", status: 201 },
  async run({ ctx, input }) {
    const secret = generateWebhookSecret();
    const secretEncrypted = sealSecret(secret);
    const webhook = await db().$transaction(async (tx) => {
      const created = await tx.webhook.create({
        data: { teamId: ctx.team.id, url: input.url, events: input.events, format: input.format, active: input.active, secretEncrypted },
        select: WEBHOOK_VIEW_SELECT,
      });
      await recordTeamEvent(tx, ctx, "webhook.create", {
        target: { type: "webhook", id: created.id },
        data: { host: hostOf(created.url), events: created.events, format: created.format, active: created.active },
      });
      return created;
    });
    return { ...webhook, secret };
  },
});
