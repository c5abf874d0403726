"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useLogStream } from "./use-log-stream";

export type LogPod = { name: string; containers: string[] };

const timeOf = (iso: string | null) => (iso ? iso.slice(11, 23) : "");

/** `text` with each case-insensitive occurrence of `term` marked. */
function Highlighted({ text, term }: { text: string; term: string }) {
  if (!term) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, from)) {
    parts.push(
      text.slice(from, at),
      <mark key={at} className="rounded-sm bg-amber-200 text-slate-900">
        {text.slice(at, at + term.length)}
      </mark>,
    );
    from = at + term.length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}

/**
 * The app's logs, followed live: one container of one pod at a time (GET .../logs, a
 * server-sent event stream), each line with its time (UTC), a search that filters and
 * marks lines as you type, pause/follow, and a download of the whole log as a file.
 * `environment` names where the pods run (the team's default when left out).
 */
export function LogsPanel({ pods, logsUrl, environment }: { pods: LogPod[]; logsUrl: string; environment?: string }) {
  const ids = useId();
  const [podName, setPodName] = useState(pods[0]?.name ?? "");
  const pod = pods.find((p) => p.name === podName) ?? pods[0];
  const [containerName, setContainerName] = useState("");
  const container = pod?.containers.includes(containerName) ? containerName : (pod?.containers[0] ?? "");
  const [search, setSearch] = useState("");
  const query = pod ? `?${new URLSearchParams({ pod: pod.name, container, ...(environment ? { environment } : {}) })}` : "";
  const { lines, waiting, state, paused, pause, follow } = useLogStream(pod ? `${logsUrl}${query}` : null);
  const term = search.trim().toLowerCase();
  const shown = useMemo(() => (term ? lines.filter((line) => line.text.toLowerCase().includes(term)) : lines), [lines, term]);

  const box = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!paused && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [shown, paused]);

  if (!pod) return <p className="text-sm text-slate-600">No pods are running, so there are no logs to show.</p>;

  return (
    <div className="space-y-3" data-testid="logs-panel">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-pod`}>Pod</label>
          <select
            id={`${ids}-pod`}
            value={pod.name}
            onChange={(event) => setPodName(event.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs"
          >
            {pods.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-container`}>Container</label>
          <select
            id={`${ids}-container`}
            value={container}
            onChange={(event) => setContainerName(event.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs"
          >
            {pod.containers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-40 flex-1 flex-col gap-1">
          <label htmlFor={`${ids}-search`}>Search</label>
          <input
            id={`${ids}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Filter lines"
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          />
        </div>
        <button type="button" onClick={paused ? follow : pause} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          {paused ? `Follow${waiting > 0 ? ` (${waiting} new)` : ""}` : "Pause"}
        </button>
        <a
          href={`${logsUrl}/download${query}`}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-blue-700 underline"
        >
          Download
        </a>
      </div>
      <p className="flex flex-wrap gap-x-2 text-xs text-slate-600">
        <span role="status" aria-live="polite" data-testid="logs-status">
          {statusText(state, lines.length, paused)}
        </span>
        {lines.length > 0 && (
          <span>{term ? `${shown.length} of ${lines.length} lines match “${search.trim()}”.` : `${lines.length} lines.`}</span>
        )}
      </p>
      {state.kind === "error" && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <ol
        ref={box}
        tabIndex={0}
        aria-label={`Log lines of ${pod.name} (${container})`}
        className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white p-3 font-mono text-xs"
        data-testid="log-lines"
      >
        {shown.map((line) => (
          <li key={line.id} className="break-all whitespace-pre-wrap" data-testid="log-line">
            {line.time && (
              <time dateTime={line.time} title={`${line.time} (UTC)`} className="mr-2 text-slate-600 select-none">
                {timeOf(line.time)}
              </time>
            )}
            <Highlighted text={line.text} term={term} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function statusText(state: ReturnType<typeof useLogStream>["state"], count: number, paused: boolean): string {
  if (state.kind === "loading") return "Loading the log…";
  if (state.kind === "error") return "The log could not be followed.";
  if (state.kind === "ended")
    return `${count === 0 ? "This pod has no logs. " : ""}The log ended (the container stopped or the pod went away).`;
  if (count === 0) return "This pod has no logs yet; waiting for lines…";
  return paused ? "Paused: new lines wait until you follow again." : "Following new lines.";
}
