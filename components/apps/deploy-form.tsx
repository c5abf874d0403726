"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { FormAction } from "@/lib/adapters/form-action";
import { FieldError, FormStatus, inputClass, invalid } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The idempotency key is minted when the page renders: a double click or a resubmit
 * of this form sends the same key, so it deploys once.
 */
export function DeployForm(props: {
  action: FormAction;
  imageRepository: string;
  lastVersion: string;
  idempotencyKey: string;
  /** Tags deployed before, newest first, offered as suggestions. */
  previousVersions?: string[];
  /** The team's environments, the default first; a choice is offered when there is more than one. */
  environments?: string[];
  /** The environment chosen first (the one the page shows); the default otherwise. */
  environment?: string;
  /** Each environment's view of the page: a deploy into another one than shown goes there, to follow its rollout. */
  environmentHrefs?: Record<string, string>;
}) {
  const environments = props.environments ?? [];
  const router = useRouter();
  const [state, action] = useActionState<Awaited<ReturnType<FormAction>>, FormData>(async (previous, formData) => {
    const result = await props.action(previous, formData);
    const chosen = String(formData.get("environment") ?? "");
    const href = result?.ok && chosen && chosen !== props.environment ? props.environmentHrefs?.[chosen] : undefined;
    if (href) router.push(href);
    return result;
  }, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <div className="w-full min-w-0 flex-1 sm:min-w-64">
        <label htmlFor="version" className="text-sm font-medium">
          Image tag or digest
        </label>
        <div className="flex flex-wrap items-center gap-1 sm:flex-nowrap">
          <span className="max-w-full font-mono text-xs break-all text-slate-500">{props.imageRepository}:</span>
          <input
            id="version"
            name="version"
            {...invalid(state, "version")}
            required
            defaultValue={props.lastVersion}
            list="previous-versions"
            autoComplete="off"
            aria-describedby="version-error"
            className={`${inputClass} min-w-40 flex-1 font-mono`}
          />
          <datalist id="previous-versions" data-testid="previous-versions">
            {(props.previousVersions ?? []).map((version) => (
              <option key={version} value={version} />
            ))}
          </datalist>
        </div>
        <FieldError state={state} field="version" />
      </div>
      {environments.length > 1 && (
        <div>
          <label htmlFor="environment" className="text-sm font-medium">
            Environment
          </label>
          <select
            id="environment"
            name="environment"
            {...invalid(state, "environment")}
            defaultValue={props.environment ?? environments[0]}
            aria-describedby="environment-error"
            className={inputClass}
          >
            {environments.map((environment) => (
              <option key={environment} value={environment}>
                {environment}
              </option>
            ))}
          </select>
          <FieldError state={state} field="environment" />
        </div>
      )}
      <SubmitButton pendingLabel="Starting…">Deploy</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
