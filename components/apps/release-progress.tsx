"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { StatusBadge } from "./status-badge";

type Progress = { status: string; updated?: number; available?: number; desired?: number; message?: string; error?: string | null };

/**
 * Live rollout progress pushed by the server (server-sent events from the rollout
 * watch). When the release ends, the page reloads its data once.
 */
export function ReleaseProgress(props: { eventsUrl: string; sequence: number; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress>(props.initial);
  const finished = progress.status === "SUCCEEDED" || progress.status === "FAILED";

  useEffect(() => {
    if (props.initial.status === "SUCCEEDED" || props.initial.status === "FAILED") return;
    const source = new EventSource(props.eventsUrl);
    source.addEventListener("progress", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Progress;
      setProgress((previous) => ({ ...previous, ...next }));
      if (next.status === "SUCCEEDED" || next.status === "FAILED") {
        source.close();
        router.refresh();
      }
    });
    return () => source.close();
  }, [props.eventsUrl, props.initial.status, router]);

  const desired = progress.desired ?? 0;
  // A rollout can finish before this page subscribed: then only the outcome is known.
  const counted = progress.updated !== undefined;
  const percent = (n: number | undefined) => {
    if (!counted) return progress.status === "SUCCEEDED" ? 100 : 0;
    return desired > 0 ? Math.round(((n ?? 0) / desired) * 100) : 100;
  };
  return (
    <div className="space-y-2" data-testid="release-progress">
      <div className="flex items-center gap-3">
        <span className="font-medium">Release #{props.sequence}</span>
        <span data-testid="release-status">
          <StatusBadge status={progress.status} />
        </span>
        {!finished && (
          <span className="text-sm text-slate-500" aria-hidden>
            watching the rollout…
          </span>
        )}
      </div>
      <div
        role="progressbar"
        aria-label="Available replicas"
        aria-valuemin={0}
        aria-valuemax={desired}
        aria-valuenow={counted ? (progress.available ?? 0) : progress.status === "SUCCEEDED" ? desired : 0}
        className="relative h-3 w-full max-w-xl overflow-hidden rounded bg-slate-200"
      >
        <div className="absolute inset-y-0 left-0 bg-blue-300 transition-all" style={{ width: `${percent(progress.updated)}%` }} />
        <div
          className={`absolute inset-y-0 left-0 transition-all ${progress.status === "FAILED" ? "bg-red-500" : "bg-green-600"}`}
          style={{ width: `${percent(progress.available)}%` }}
        />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {counted && `${progress.updated ?? 0} of ${desired} updated, ${progress.available ?? 0} available. `}
        {!counted && progress.status === "SUCCEEDED" && `All ${desired} replicas rolled out. `}
        {progress.status === "FAILED" ? <span className="text-red-700">{progress.error ?? progress.message}</span> : progress.message}
      </p>
    </div>
  );
}
