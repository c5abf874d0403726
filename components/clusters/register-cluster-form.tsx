"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { submittedValue } from "@/lib/adapters/action-state";
import { SubmitButton } from "@/components/ui/submit-button";

/** Platform admins: a cluster and Slipway's credential for it. The token field is never filled back in. */
export function RegisterClusterForm(props: { action: FormAction }) {
  const [state, action] = useActionState(props.action, null);
  return (
    <section aria-labelledby="register-cluster" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="register-cluster" className="text-lg font-semibold">
        Register a cluster
      </h2>
      <form action={action} className="space-y-3">
        <div>
          <label htmlFor="cluster-name" className="text-sm font-medium">
            Name
          </label>
          <input
            id="cluster-name"
            name="name"
            {...invalid(state, "name")}
            defaultValue={submittedValue(state, "name")}
            required
            maxLength={40}
            pattern="[a-z0-9]([\-a-z0-9]*[a-z0-9])?"
            aria-describedby="name-error"
            className={inputClass}
          />
          <FieldError state={state} field="name" />
        </div>
        <div>
          <label htmlFor="cluster-server" className="text-sm font-medium">
            API server URL
          </label>
          <input
            id="cluster-server"
            name="server"
            type="url"
            {...invalid(state, "server")}
            defaultValue={submittedValue(state, "server")}
            required
            placeholder="https://k8s.example.com:6443"
            aria-describedby="server-error"
            className={inputClass}
          />
          <FieldError state={state} field="server" />
        </div>
        <div>
          <label htmlFor="cluster-ca" className="text-sm font-medium">
            Certificate authority (PEM, optional)
          </label>
          <textarea
            id="cluster-ca"
            name="caData"
            rows={4}
            {...invalid(state, "caData")}
            defaultValue={submittedValue(state, "caData")}
            aria-describedby="caData-help caData-error"
            className={`${inputClass} font-mono text-xs`}
          />
          <p id="caData-help" className="text-xs text-slate-500">
            Blank: the system&apos;s trusted certificate authorities.
          </p>
          <FieldError state={state} field="caData" />
        </div>
        <div>
          <label htmlFor="cluster-token" className="text-sm font-medium">
            Platform credential (token)
          </label>
          <input
            id="cluster-token"
            name="token"
            type="password"
            autoComplete="off"
            {...invalid(state, "token")}
            required
            aria-describedby="token-help token-error"
            className={inputClass}
          />
          <p id="token-help" className="text-xs text-slate-500">
            A token bound to the slipway-platform ClusterRole (deploy/rbac.yaml). Stored encrypted; it is never shown again.
          </p>
          <FieldError state={state} field="token" />
        </div>
        <SubmitButton pendingLabel="Registering…">Register cluster</SubmitButton>
        <FormStatus state={state} />
      </form>
    </section>
  );
}
