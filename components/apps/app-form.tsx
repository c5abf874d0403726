"use client";

import { useActionState } from "react";
import { submittedValue, type ActionState } from "@/lib/adapters/action-state";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export type AppFormValues = {
  name: string;
  imageRepository: string;
  containerPort: number;
  replicas: number;
  env: string;
  requestsCpu?: string;
  requestsMemory?: string;
  limitsCpu?: string;
  limitsMemory?: string;
  healthCheckPath?: string;
  host?: string;
};

function Field(props: { name: keyof AppFormValues; label: string; help?: string; state: ActionState; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={props.name} className="text-sm font-medium">
        {props.label}
      </label>
      {props.children}
      {props.help && (
        <p id={`${props.name}-help`} className="text-xs text-slate-500">
          {props.help}
        </p>
      )}
      <FieldError state={props.state} field={props.name} />
    </div>
  );
}

/** Register (no `existing`) or edit an app. The server validates every field again. */
export function AppForm(props: { action: FormAction; values?: AppFormValues; submitLabel: string }) {
  const [state, action] = useActionState(props.action, null);
  const v = props.values;
  const editing = Boolean(v);
  const described = (name: string) => ({ "aria-describedby": `${name}-help ${name}-error`, ...invalid(state, name) });
  return (
    <form action={action} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <Field name="name" label="Name" help="A DNS label: lowercase letters, digits and dashes. Cannot change later." state={state}>
        <input
          id="name"
          name="name"
          required
          defaultValue={submittedValue(state, "name", v?.name)}
          readOnly={editing}
          className={inputClass}
          {...described("name")}
        />
      </Field>
      <Field
        name="imageRepository"
        label="Image repository"
        help="Without a tag, e.g. registry.example.com/payments/api. You pick the tag when you deploy."
        state={state}
      >
        <input
          id="imageRepository"
          name="imageRepository"
          required
          defaultValue={submittedValue(state, "imageRepository", v?.imageRepository)}
          className={inputClass}
          {...described("imageRepository")}
        />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field name="containerPort" label="Container port" state={state}>
          <input
            id="containerPort"
            name="containerPort"
            type="number"
            min={1}
            max={65535}
            required
            defaultValue={submittedValue(state, "containerPort", v?.containerPort ?? 8080)}
            className={inputClass}
            {...invalid(state, "containerPort")}
          />
        </Field>
        <Field name="replicas" label="Replicas" help="0-20" state={state}>
          <input
            id="replicas"
            name="replicas"
            type="number"
            min={0}
            max={20}
            required
            defaultValue={submittedValue(state, "replicas", v?.replicas ?? 2)}
            className={inputClass}
            {...described("replicas")}
          />
        </Field>
      </div>
      <Field name="env" label="Environment variables" help="One NAME=value per line. Names are C identifiers." state={state}>
        <textarea
          id="env"
          name="env"
          rows={4}
          defaultValue={submittedValue(state, "env", v?.env)}
          className={`${inputClass} font-mono`}
          {...described("env")}
        />
      </Field>
      <fieldset className="grid grid-cols-2 gap-4">
        <legend className="mb-1 text-sm font-medium">Resources (optional)</legend>
        <Field name="requestsCpu" label="CPU request" help="e.g. 250m or 0.5" state={state}>
          <input
            id="requestsCpu"
            name="requestsCpu"
            defaultValue={submittedValue(state, "requestsCpu", v?.requestsCpu)}
            className={inputClass}
            {...described("requestsCpu")}
          />
        </Field>
        <Field name="requestsMemory" label="Memory request" help="e.g. 128Mi" state={state}>
          <input
            id="requestsMemory"
            name="requestsMemory"
            defaultValue={submittedValue(state, "requestsMemory", v?.requestsMemory)}
            className={inputClass}
            {...described("requestsMemory")}
          />
        </Field>
        <Field name="limitsCpu" label="CPU limit" state={state}>
          <input
            id="limitsCpu"
            name="limitsCpu"
            defaultValue={submittedValue(state, "limitsCpu", v?.limitsCpu)}
            className={inputClass}
            {...invalid(state, "limitsCpu")}
          />
        </Field>
        <Field name="limitsMemory" label="Memory limit" state={state}>
          <input
            id="limitsMemory"
            name="limitsMemory"
            defaultValue={submittedValue(state, "limitsMemory", v?.limitsMemory)}
            className={inputClass}
            {...invalid(state, "limitsMemory")}
          />
        </Field>
      </fieldset>
      <div className="grid grid-cols-2 gap-4">
        <Field name="healthCheckPath" label="Health-check path (optional)" help="Readiness probe, e.g. /healthz" state={state}>
          <input
            id="healthCheckPath"
            name="healthCheckPath"
            defaultValue={submittedValue(state, "healthCheckPath", v?.healthCheckPath)}
            className={inputClass}
            {...described("healthCheckPath")}
          />
        </Field>
        <Field name="host" label="Host (optional)" help="Creates an Ingress for this DNS name." state={state}>
          <input
            id="host"
            name="host"
            defaultValue={submittedValue(state, "host", v?.host)}
            className={inputClass}
            {...described("host")}
          />
        </Field>
      </div>
      <SubmitButton pendingLabel="Saving…">{props.submitLabel}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
