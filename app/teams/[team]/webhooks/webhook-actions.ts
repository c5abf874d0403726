"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/adapters/form-action";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

/** Checkboxes `event:<type>` -> events; an unchecked `active` box sends nothing, which is false. */
function webhookFromForm(values: Record<string, string>) {
  const events = Object.keys(values)
    .filter((key) => key.startsWith("event:"))
    .map((key) => key.slice("event:".length));
  return { url: values.url, format: values.format, events, active: values.active === "on" };
}

const fieldOf = (path: string) => (path.startsWith("events") ? "events" : path);

export const createWebhookAction = formAction(createWebhook, {
  fromForm: webhookFromForm,
  fieldOf,
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}/webhooks`);
    return { message: "Webhook added. Copy its signing secret now: it is not shown again.", secret: output.secret };
  },
});

export const updateWebhookAction = formAction(updateWebhook, {
  fromForm: webhookFromForm,
  fieldOf,
  done: ({ ctx }) => {
    revalidatePath(`/teams/${ctx.team.slug}/webhooks`);
    return { message: "Webhook saved." };
  },
});

export const rotateWebhookSecretAction = formAction(rotateWebhookSecret, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}/webhooks`);
    return { message: "New secret made. Copy it now: it is not shown again.", secret: output.secret };
  },
});

export const deleteWebhookAction = formAction(deleteWebhook, {
  done: ({ ctx }) => {
    revalidatePath(`/teams/${ctx.team.slug}/webhooks`);
    return { message: "Webhook deleted." };
  },
});

export const redeliverWebhookAction = formAction(redeliverWebhook, {
  done: ({ ctx, output }) => {
    revalidatePath(`/teams/${ctx.team.slug}/webhooks`);
    return { message: `Queued as delivery ${output.delivery.id}.` };
  },
});
