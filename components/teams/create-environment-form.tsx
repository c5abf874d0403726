"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { submittedValue } from "@/lib/adapters/action-state";
import { SubmitButton } from "@/components/ui/submit-button";

/** Leads: a new environment, a namespace team-<slug>-<name> on the chosen cluster. */
export function CreateEnvironmentForm(props: { action: FormAction; team: string; clusters: string[] }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label="Add an environment">
      <div>
        <label htmlFor="environment-name" className="text-sm font-medium">
          New environment
        </label>
        <input
          id="environment-name"
          name="name"
          {...invalid(state, "name")}
          defaultValue={submittedValue(state, "name")}
          required
          maxLength={20}
          pattern="[a-z0-9]([\-a-z0-9]*[a-z0-9])?"
          placeholder="staging"
          aria-describedby="environment-name-help name-error"
          className={inputClass}
        />
        <p id="environment-name-help" className="text-xs text-slate-500">
          Its namespace will be team-{props.team}-&lt;name&gt;.
        </p>
        <FieldError state={state} field="name" />
      </div>
      <div>
        <label htmlFor="environment-cluster" className="text-sm font-medium">
          Cluster
        </label>
        <select
          id="environment-cluster"
          name="cluster"
          {...invalid(state, "cluster")}
          aria-describedby="cluster-error"
          className={inputClass}
        >
          {props.clusters.map((cluster) => (
            <option key={cluster} value={cluster}>
              {cluster}
            </option>
          ))}
        </select>
        <FieldError state={state} field="cluster" />
      </div>
      <SubmitButton pendingLabel="Provisioning…">Add environment</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
