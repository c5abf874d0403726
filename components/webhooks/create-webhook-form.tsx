"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { submittedValue } from "@/lib/adapters/action-state";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { SecretOnce } from "./secret-once";
import { WebhookFields } from "./webhook-fields";

export function CreateWebhookForm(props: { action: FormAction; eventTypes: { type: string; label: string }[]; allowedHosts: string[] }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <section aria-labelledby="new-webhook" className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="new-webhook" className="text-lg font-semibold">
        New webhook
      </h2>
      <form action={action} className="space-y-3">
        <div>
          <label htmlFor="webhook-url" className="text-sm font-medium">
            URL
          </label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            maxLength={2000}
            placeholder="https://hooks.example.com/slipway"
            defaultValue={submittedValue(state, "url")}
            {...invalid(state, "url")}
            aria-describedby="url-error url-hint"
            className={inputClass}
          />
          <p id="url-hint" className="text-xs text-slate-600">
            {props.allowedHosts.length > 0
              ? `Allowed hosts: ${props.allowedHosts.join(", ")} (set by a platform admin).`
              : "No webhook hosts are allowed on this Slipway yet; ask a platform admin."}
          </p>
          <FieldError state={state} field="url" />
        </div>
        <WebhookFields
          idPrefix="new-webhook"
          state={state}
          eventTypes={props.eventTypes}
          events={["deploy.succeeded", "deploy.failed", "drift.detected"]}
          format="SLIPWAY"
          active
        />
        <SubmitButton pendingLabel="Adding…">Add webhook</SubmitButton>
      </form>
      <FormStatus state={state} />
      {state?.ok && state.secret && <SecretOnce secret={state.secret} id="new-webhook-secret" />}
    </section>
  );
}
