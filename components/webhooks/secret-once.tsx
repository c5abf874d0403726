"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { inputClass } from "@/components/ui/form-status";

/** A signing secret just made: shown this once, with Copy. */
export function SecretOnce({ secret, id }: { secret: string; id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium">
        Signing secret
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} min-w-0 flex-1 font-mono`}
          data-testid="webhook-secret"
        />
        <CopyButton text={secret} />
      </div>
      <p className="text-xs text-slate-600">
        Shown once: verify each delivery&apos;s Slipway-Signature with it (README, &quot;Webhooks&quot;).
      </p>
    </div>
  );
}
