"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { WebhookFields } from "./webhook-fields";

export function EditWebhookForm(props: {
  action: FormAction;
  webhook: { id: string; url: string; events: string[]; format: "SLIPWAY" | "SLACK"; active: boolean };
  eventTypes: { type: string; label: string }[];
}) {
  const [state, action] = useActionState(props.action, null);
  const { webhook } = props;
  const prefix = `webhook-${webhook.id}`;
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium">Edit URL, events and format</summary>
      <form action={action} className="mt-3 space-y-3">
        <div>
          <label htmlFor={`${prefix}-url`} className="text-sm font-medium">
            URL
          </label>
          <input
            id={`${prefix}-url`}
            name="url"
            type="url"
            required
            defaultValue={webhook.url}
            {...invalid(state, "url")}
            aria-describedby="url-error"
            className={inputClass}
          />
          <FieldError state={state} field="url" />
        </div>
        <WebhookFields
          idPrefix={prefix}
          state={state}
          eventTypes={props.eventTypes}
          events={webhook.events}
          format={webhook.format}
          active={webhook.active}
        />
        <SubmitButton pendingLabel="Saving…">Save webhook</SubmitButton>
      </form>
      <FormStatus state={state} />
    </details>
  );
}
