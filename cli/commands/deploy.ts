import { CliError, errorOf, ok } from "../api";
import type { Command, Context } from "../context";

type Progress = { status?: string; error?: string | null; updated?: number; available?: number; desired?: number; message?: string };
type Release = { sequence: number; image: string; status: string };
const TERMINAL = ["SUCCEEDED", "FAILED"];

/** Server-sent events as { event, data } pairs, from a byte stream. */
export async function* serverSentEvents(body: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length) yield { event, data: data.join("\n") };
    }
  }
}

function bar(progress: Progress): string {
  const desired = progress.desired ?? 0;
  const available = progress.available ?? 0;
  const width = 20;
  const filled = desired > 0 ? Math.round((Math.min(available, desired) / desired) * width) : 0;
  const counts = desired > 0 ? ` [${"#".repeat(filled)}${".".repeat(width - filled)}] ${available}/${desired} available` : "";
  return `${progress.status ?? ""}${counts}${progress.message ? `  ${progress.message}` : ""}`;
}

/**
 * Follows a release on the same event stream the browser uses, until it ends; a
 * `reconnect` (the replica shutting down) or a dropped stream reattaches.
 */
export async function followRelease(ctx: Context, team: string, app: string, release: Release): Promise<Progress> {
  const api = ctx.api();
  const path = { team, app, sequence: release.sequence };
  let last: Progress = { status: release.status };
  let shown = "";
  const show = (progress: Progress) => {
    const line = bar(progress);
    if (line === shown || ctx.json) return;
    shown = line;
    ctx.io.stderr(ctx.io.interactive ? `\r\x1b[2K${line}` : `${line}\n`);
  };
  for (let attempt = 0; attempt < 100 && !TERMINAL.includes(last.status ?? ""); attempt++) {
    const { data, error, response } = await api.GET("/teams/{team}/apps/{app}/releases/{sequence}/events", {
      params: { path },
      parseAs: "stream",
    });
    if (!response.ok || !data) throw errorOf(error, response);
    for await (const { event, data: text } of serverSentEvents(data)) {
      if (event === "reconnect") break;
      if (event !== "progress") continue;
      last = { ...last, ...(JSON.parse(text) as Progress) };
      show(last);
      if (TERMINAL.includes(last.status ?? "")) break;
    }
    if (!TERMINAL.includes(last.status ?? "")) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (ctx.io.interactive && !ctx.json) ctx.io.stderr("\n");
  return last;
}

async function finish(ctx: Context, team: string, app: string, answer: { release: Release; created: boolean }, verb: string) {
  const { release } = answer;
  const head = `${team}/${app} release #${release.sequence} (${release.image})${answer.created ? "" : ", requested before with this key"}`;
  if (!ctx.flags.wait) return ctx.out(`${verb} ${head}: ${release.status}`, answer);
  if (!ctx.json) ctx.io.stderr(`${verb} ${head}\n`);
  const outcome = await followRelease(ctx, team, app, release);
  ctx.out(
    outcome.status === "SUCCEEDED"
      ? `#${release.sequence} succeeded.`
      : `#${release.sequence} ${outcome.status?.toLowerCase()}: ${outcome.error ?? ""}`.trim(),
    { ...answer, outcome },
  );
  return outcome.status === "SUCCEEDED" ? 0 : 1;
}

export const deploy: Command = {
  usage: "deploy APP VERSION [--wait] [--idempotency-key KEY]",
  summary: "Deploy a version (image tag or digest); --wait follows the rollout and exits 0 only when it succeeded",
  options: { wait: { type: "boolean", short: "w" }, "idempotency-key": { type: "string" } },
  async run(ctx) {
    const { team, app } = ctx.app(0);
    const version = ctx.arg(1, "VERSION");
    const key = ctx.flag("idempotency-key");
    const answer = await ok(
      ctx.api().POST("/teams/{team}/apps/{app}/deploys", {
        params: { path: { team, app }, ...(key ? { header: { "idempotency-key": key } } : {}) },
        body: { version, ...ctx.environment() },
      }),
    );
    return finish(ctx, team, app, answer, "Deploying");
  },
};

export const rollback: Command = {
  usage: "rollback APP [--to N] [--wait]",
  summary: "Deploy an earlier release again (default: the last good one before the current)",
  options: { to: { type: "string" }, wait: { type: "boolean", short: "w" } },
  async run(ctx) {
    const { team, app } = ctx.app(0);
    const api = ctx.api();
    let sequence = ctx.flag("to") ? Number(ctx.flag("to")) : undefined;
    if (sequence === undefined) {
      const { releases } = await ok(
        api.GET("/teams/{team}/apps/{app}/releases", { params: { path: { team, app }, query: ctx.environment() } }),
      );
      const good = releases.filter((release) => release.status === "SUCCEEDED");
      if (good.length < 2) throw new CliError(`${team}/${app} has no earlier good release to go back to; pass --to N.`);
      sequence = good[1]!.sequence;
    }
    if (!Number.isInteger(sequence) || sequence < 1) throw new CliError("--to must be a release number", 2);
    const answer = await ok(
      api.POST("/teams/{team}/apps/{app}/rollbacks", { params: { path: { team, app } }, body: { sequence, ...ctx.environment() } }),
    );
    return finish(ctx, team, app, answer, `Rolling back to #${sequence}:`);
  },
};
