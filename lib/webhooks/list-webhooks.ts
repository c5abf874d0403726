import { z } from "zod";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { WEBHOOK_VIEW_SELECT, webhookView } from "./webhook.types";

/** Leads only: a chat's incoming-webhook URL is itself a credential. */
export const listWebhooks = teamUseCase({
  name: "listWebhooks",
  summary: "The team's webhooks (never their secrets)",
  permissions: ["webhook.manage"],
  input: noInput,
  output: z.object({ webhooks: z.array(webhookView) }),
  route: { method: "GET", path: "/teams/{team}/webhooks" },
  async run({ ctx }) {
    const webhooks = await db().webhook.findMany({
      where: { teamId: ctx.team.id },
      orderBy: { createdAt: "asc" },
      select: WEBHOOK_VIEW_SELECT,
    });
    return { webhooks };
  },
});
