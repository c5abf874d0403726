import { parse } from "yaml";
import { CliError, errorOf, ok } from "../api";
import type { Command } from "../context";

export const specExport: Command = {
  usage: "spec export APP > app.yaml",
  summary: "The app's spec as YAML, to keep in git",
  async run(ctx) {
    const { team, app } = ctx.app(0);
    const { data, error, response } = await ctx
      .api()
      .GET("/teams/{team}/apps/{app}/spec", { params: { path: { team, app } }, parseAs: "text" });
    if (!response.ok || data === undefined) throw errorOf(error, response);
    ctx.io.stdout(data);
  },
};

export const specApply: Command = {
  usage: "spec apply -f FILE [--team TEAM]",
  summary: "Create or update an app from a spec file (- for standard input); the team is the file's metadata.team",
  options: { file: { type: "string", short: "f" } },
  async run(ctx) {
    const file = ctx.flag("file");
    if (!file) throw new CliError("usage: slipway spec apply -f FILE", 2);
    const text = await ctx.io.readFile(file);
    let team = ctx.flag("team");
    if (!team) {
      const document = (() => {
        try {
          return parse(text) as { metadata?: { team?: unknown } } | null;
        } catch {
          return null;
        }
      })();
      team = typeof document?.metadata?.team === "string" ? document.metadata.team : ctx.team();
    }
    const answer = await ok(
      ctx.api().PUT("/teams/{team}/apps/spec", {
        params: { path: { team } },
        body: text as never,
        bodySerializer: (body: unknown) => body as string,
        headers: { "content-type": "application/yaml" },
      }),
    );
    ctx.out(`${team}/${answer.app.name} ${answer.created ? "created" : "updated"}.`, answer);
  },
};
