"use client";

import { useEffect, useRef, useState } from "react";

export type StreamedLine = { id: number; time: string | null; text: string };
export type LogStreamState = { kind: "loading" } | { kind: "following" } | { kind: "ended" } | { kind: "error"; message: string };

/** Lines kept in the page; older ones drop off the top. */
export const MAX_KEPT_LINES = 2_000;

type Stream = { key: string; lines: StreamedLine[]; held: StreamedLine[]; state: LogStreamState };

const keep = (lines: StreamedLine[]) => lines.slice(-MAX_KEPT_LINES);

/**
 * Reads the server-sent event stream of GET .../logs with fetch rather than EventSource,
 * so a refusal comes back with its status and message (EventSource reports only that
 * it failed). Paused, new lines wait (bounded as the page is) until `follow()`.
 */
export function useLogStream(url: string | null) {
  const [attempt, setAttempt] = useState(0);
  const key = `${url}#${attempt}`;
  const [stream, setStream] = useState<Stream>({ key, lines: [], held: [], state: { kind: "loading" } });
  const [paused, setPaused] = useState(false);
  const pausedRef = useRef(paused);
  const nextId = useRef(0);

  useEffect(() => {
    pausedRef.current = paused;
  }, [paused]);

  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    // Every update names the stream it belongs to; one for an older stream starts afresh.
    const update = (change: (current: Stream) => Partial<Stream>) =>
      setStream((current) => {
        const base = current.key === key ? current : { key, lines: [], held: [], state: { kind: "loading" as const } };
        return { ...base, ...change(base) };
      });
    const add = (batch: { time: string | null; text: string }[]) => {
      const numbered = batch.map((line) => ({ ...line, id: nextId.current++ }));
      update((s) => (pausedRef.current ? { held: keep([...s.held, ...numbered]) } : { lines: keep([...s.lines, ...numbered]) }));
    };
    const handle = (block: string) => {
      let event = "message";
      let data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data += line.slice(5).trimStart();
      }
      if (event === "lines") add(JSON.parse(data) as StreamedLine[]);
      else if (event === "end") update(() => ({ state: { kind: "ended" } }));
      else if (event === "failure")
        update(() => ({ state: { kind: "error", message: (JSON.parse(data) as { message: string }).message } }));
      else if (event === "reconnect") setTimeout(() => setAttempt((n) => n + 1), 1_000);
    };
    (async () => {
      const response = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        const message = body?.error?.message ?? `The log could not be read (HTTP ${response.status}).`;
        update(() => ({ state: { kind: "error", message } }));
        return;
      }
      update(() => ({ state: { kind: "following" } }));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          handle(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      update((s) => (s.state.kind === "following" ? { state: { kind: "ended" } } : {}));
    })().catch(() => {
      if (!abort.signal.aborted)
        update(() => ({ state: { kind: "error", message: "The connection to Slipway broke off; reload to follow again." } }));
    });
    return () => abort.abort();
  }, [url, key]);

  const current = stream.key === key ? stream : { key, lines: [], held: [], state: { kind: "loading" } as LogStreamState };
  return {
    lines: current.lines,
    waiting: current.held.length,
    state: current.state,
    paused,
    pause: () => setPaused(true),
    follow: () => {
      setPaused(false);
      setStream((s) => (s.key === key ? { ...s, lines: keep([...s.lines, ...s.held]), held: [] } : s));
    },
  };
}
