"use client";

import { useActionState, useState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** "2026-11-26T05:00" in the browser's time zone, for a datetime-local input. */
function localInput(date: Date | null): string {
  if (!date) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * Leads: whether deploys to an environment need a second lead's approval, and a freeze
 * window. The end is picked in the browser's time zone and sent as an instant (ISO 8601).
 */
export function EnvironmentSettingsForm(props: {
  action: FormAction;
  environment: string;
  requiresApproval: boolean;
  freezeUntil: Date | null;
  freezeReason: string | null;
}) {
  const [state, action] = useActionState(props.action, null);
  const [until, setUntil] = useState(localInput(props.freezeUntil));
  const id = (field: string) => `${props.environment}-${field}`;
  return (
    <form action={action} className="space-y-2 text-sm" aria-label={`Approval and freeze for ${props.environment}`}>
      <input type="hidden" name="requiresApproval" value="false" />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="requiresApproval" value="true" defaultChecked={props.requiresApproval} />
        Deploys need a second lead&apos;s approval
      </label>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={id("freeze-until")} className="font-medium">
            Frozen until (empty: not frozen)
          </label>
          <input
            id={id("freeze-until")}
            type="datetime-local"
            value={until}
            onChange={(event) => setUntil(event.target.value)}
            {...invalid(state, "freezeUntil")}
            aria-describedby="freezeUntil-error"
            className={inputClass}
          />
          <input type="hidden" name="freezeUntil" value={until ? new Date(until).toISOString() : ""} />
          <FieldError state={state} field="freezeUntil" />
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor={id("freeze-reason")} className="font-medium">
            Why
          </label>
          <input
            id={id("freeze-reason")}
            name="freezeReason"
            defaultValue={props.freezeReason ?? ""}
            maxLength={500}
            {...invalid(state, "freezeReason")}
            aria-describedby="freezeReason-error"
            className={inputClass}
          />
          <FieldError state={state} field="freezeReason" />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save
        </SubmitButton>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
