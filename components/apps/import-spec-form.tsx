"use client";

import { useActionState, useState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { inputClass } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

const EXAMPLE = `apiVersion: slipway.dev/v1
kind: App
metadata:
  name: web
spec:
  imageRepository: registry.example.com/team/web
  containerPort: 8080
  replicas: 2
  env:
    - name: LOG_LEVEL
      value: info`;

/**
 * Paste an app spec or pick the file; the text is kept in state, so it survives a
 * rejected submit and the person can fix the lines the errors name.
 */
export function ImportSpecForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, null);
  const [text, setText] = useState("");
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <div className="space-y-1">
        <label htmlFor="spec-file" className="text-sm font-medium">
          Spec file
        </label>
        <input
          id="spec-file"
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) setText(await file.text());
          }}
          className="block text-sm"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="yaml" className="text-sm font-medium">
          YAML
        </label>
        <textarea
          id="yaml"
          name="yaml"
          required
          rows={22}
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={EXAMPLE}
          aria-describedby="yaml-help import-status"
          aria-invalid={failed ? true : undefined}
          className={`${inputClass} font-mono`}
        />
        <p id="yaml-help" className="text-xs text-slate-500">
          At most 64 KiB. An app with this name is updated (the changes apply at its next deploy); otherwise it is registered.
        </p>
      </div>
      <SubmitButton pendingLabel="Applying…">Apply</SubmitButton>
      <div id="import-status" role="status" aria-live="polite" className="text-sm text-red-700">
        {failed?.fieldErrors ? (
          <>
            <p>The spec was not applied. Fix these and apply again:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="spec-errors">
              {Object.entries(failed.fieldErrors).map(([field, messages]) => (
                <li key={field}>
                  <code className="font-mono">{field}</code>: {messages.join("; ")}
                </li>
              ))}
            </ul>
          </>
        ) : (
          failed?.message
        )}
      </div>
    </form>
  );
}
