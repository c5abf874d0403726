/**
 * `slipway logs`: the logs of an app's pods through the same endpoints as the app page's
 * Logs panel. Without -f each pod's log as it is now (GET .../logs/download); with -f one
 * server-sent event stream per pod (GET .../logs), followed until every log ends or the
 * command is stopped. Lines carry the pod's name when several pods are shown.
 */
import { CliError, errorOf, ok } from "../api";
import type { Command, Context } from "../context";
import { serverSentEvents } from "./deploy";

type Line = { time: string | null; text: string };
type Target = { pod: string; container?: string };

const TIMESTAMPED = /^(\d{4}-\d{2}-\d{2}T\S+Z) (.*)$/;

/** A downloaded log's line: `<RFC 3339 time> <text>`, as the API server gives it with timestamps. */
export function parseLogLine(line: string): Line {
  const match = TIMESTAMPED.exec(line);
  return match ? { time: match[1]!, text: match[2]! } : { time: null, text: line };
}

/** One printed line: the pod's name in brackets when several pods are shown, the time when asked for. */
export function formatLogLine(line: Line, options: { pod?: string; timestamps: boolean }): string {
  const time = options.timestamps && line.time ? `${line.time} ` : "";
  return `${options.pod ? `[${options.pod}] ` : ""}${time}${line.text}\n`;
}

function tailLines(ctx: Context): number | undefined {
  const tail = ctx.flag("tail");
  if (tail === undefined) return undefined;
  const n = Number(tail);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new CliError("--tail must be a whole number from 1 to 10000", 2);
  return n;
}

export const logs: Command = {
  usage: "logs APP [-f] [--pod POD] [--container NAME] [--timestamps] [--tail N]",
  summary: "The logs of the app's pods (first container); -f follows new lines as they are written",
  options: {
    follow: { type: "boolean", short: "f" },
    pod: { type: "string" },
    container: { type: "string", short: "c" },
    timestamps: { type: "boolean" },
    tail: { type: "string" },
  },
  async run(ctx) {
    const api = ctx.api();
    const { team, app } = ctx.app(0);
    const path = { team, app };
    const environment = ctx.environment();
    const tail = tailLines(ctx);
    const container = ctx.flag("container");
    let targets: Target[];
    const pod = ctx.flag("pod");
    if (pod) targets = [{ pod, container }];
    else {
      const status = await ok(api.GET("/teams/{team}/apps/{app}/status", { params: { path, query: { tailLines: 0, ...environment } } }));
      if ("error" in status) throw new CliError(`Cannot read the cluster: ${status.error}`);
      targets = status.view.pods.map((p) => ({ pod: p.name, container }));
      if (targets.length === 0) throw new CliError(`${app} has no pods, so there are no logs to show.`);
    }
    const many = targets.length > 1;
    const timestamps = ctx.flags.timestamps === true;
    const print = (target: Target, lines: Line[]) => {
      if (ctx.json) for (const line of lines) ctx.io.stdout(`${JSON.stringify({ pod: target.pod, ...line })}\n`);
      else for (const line of lines) ctx.io.stdout(formatLogLine(line, { pod: many ? target.pod : undefined, timestamps }));
    };
    const query = (target: Target) => ({
      pod: target.pod,
      ...(target.container ? { container: target.container } : {}),
      ...(tail ? { tailLines: tail } : {}),
      ...environment,
    });

    if (!ctx.flags.follow) {
      // Fetched together, printed pod by pod, so the lines of one pod stay together.
      const texts = await Promise.all(
        targets.map((target) =>
          ok(api.GET("/teams/{team}/apps/{app}/logs/download", { params: { path, query: query(target) }, parseAs: "text" })),
        ),
      );
      targets.forEach((target, i) => print(target, texts[i]!.split("\n").filter(Boolean).map(parseLogLine)));
      return;
    }
    const results = await Promise.all(targets.map((target) => follow(ctx, path, query(target), (lines) => print(target, lines))));
    // Stopped or ended is done; a stream that broke off (reported above) fails the command.
    return results.includes("failed") ? 1 : 0;
  },
};

/**
 * Follows one pod's log until it ends (`end`), breaks (`failure`, reported), or the
 * command is stopped (io.signal); a `reconnect` (the replica shutting down) or a stream
 * that drops without `end` reattaches for the lines from the last second on.
 */
async function follow(
  ctx: Context,
  path: { team: string; app: string },
  query: { pod: string; container?: string; tailLines?: number; environment?: string },
  print: (lines: Line[]) => void,
): Promise<"ended" | "failed" | "stopped"> {
  const api = ctx.api();
  let params = query;
  for (let attempt = 0; attempt < 100; attempt++) {
    let last: string | null = null;
    try {
      const { data, error, response } = await api.GET("/teams/{team}/apps/{app}/logs", {
        params: { path, query: params },
        parseAs: "stream",
        signal: ctx.io.signal,
      });
      if (!response.ok || !data) throw errorOf(error, response);
      for await (const { event, data: text } of serverSentEvents(data)) {
        if (event === "lines") {
          const lines = JSON.parse(text) as Line[];
          last = lines.at(-1)?.time ?? last;
          print(lines);
        } else if (event === "end") {
          ctx.io.stderr(`${query.pod}: the log ended (the container stopped or the pod went away).\n`);
          return "ended";
        } else if (event === "failure") {
          ctx.io.stderr(`${query.pod}: ${(JSON.parse(text) as { message: string }).message}\n`);
          return "failed";
        } else if (event === "reconnect") break;
      }
    } catch (error) {
      if (ctx.io.signal?.aborted) return "stopped";
      if (error instanceof CliError) throw error;
      throw new CliError(`Cannot reach Slipway: ${(error as Error).message}`);
    }
    if (ctx.io.signal?.aborted) return "stopped";
    // Again from where the stream left off, so lines are neither lost nor (mostly) repeated.
    const since = last ? Math.max(1, Math.ceil((Date.now() - Date.parse(last)) / 1000)) : undefined;
    params = { ...query, tailLines: since ? undefined : query.tailLines, ...(since ? { sinceSeconds: since } : {}) };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new CliError(`${query.pod}: the log stream kept breaking off.`);
}
