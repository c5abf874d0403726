/**
 * `slipway secrets`: names and versions only; a value goes in from standard input or a
 * file, never from an argument, so it stays out of shell history and `ps`.
 */
import { CliError, ok } from "../api";
import { table, when, type Command } from "../context";

const rolling = (release: { sequence: number } | null) =>
  release ? `Rolling out as release #${release.sequence}.` : "It takes effect at the first deploy.";

export const secretsList: Command = {
  usage: "secrets list APP",
  summary: "The app's secret names, versions, who set each and when, in one environment (--env; values are write-only)",
  async run(ctx) {
    const path = ctx.app(0);
    const answer = await ok(ctx.api().GET("/teams/{team}/apps/{app}/secrets", { params: { path, query: ctx.environment() } }));
    const rows = answer.secrets.map((s) => [s.name, `v${s.version}`, s.setBy?.email, when(s.setAt)]);
    ctx.out(rows.length ? table(["NAME", "VERSION", "SET BY", "AT"], rows) : `${path.app} has no secrets.`, answer);
  },
};

export const secretsSet: Command = {
  usage: "secrets set APP NAME [--from-file FILE] < value",
  summary:
    "Set or replace a secret in one environment (--env); the value is read from standard input (one trailing newline dropped) or --from-file as is",
  options: { "from-file": { type: "string" } },
  async run(ctx) {
    const path = ctx.app(0);
    const name = ctx.arg(1, "NAME");
    if (ctx.args.length > 2) throw new CliError("the value is read from standard input or --from-file, never from an argument", 2);
    const file = ctx.flag("from-file");
    const value = file ? await ctx.io.readFile(file) : (await ctx.io.readFile("-")).replace(/\r?\n$/, "");
    if (value === "") throw new CliError("the value is empty: pipe it in (slipway secrets set APP NAME < file) or use --from-file", 2);
    const answer = await ok(
      ctx
        .api()
        .PUT("/teams/{team}/apps/{app}/secrets/{name}", { params: { path: { ...path, name } }, body: { value, ...ctx.environment() } }),
    );
    ctx.out(`${answer.secret.name} set (v${answer.secret.version}). ${rolling(answer.release)}`, answer);
  },
};

export const secretsUnset: Command = {
  usage: "secrets unset APP NAME --yes",
  summary: "Remove a secret from one environment (--env; its value is deleted; --yes confirms)",
  options: { yes: { type: "boolean", short: "y" } },
  async run(ctx) {
    const path = ctx.app(0);
    const name = ctx.arg(1, "NAME");
    if (ctx.flags.yes !== true) throw new CliError(`this deletes ${name}'s value for good; run again with --yes to confirm`, 2);
    const answer = await ok(
      ctx.api().DELETE("/teams/{team}/apps/{app}/secrets/{name}", { params: { path: { ...path, name }, query: ctx.environment() } }),
    );
    ctx.out(
      `${answer.name} removed (was v${answer.version}).${answer.release ? ` Rolling out as release #${answer.release.sequence}.` : ""}`,
      answer,
    );
  },
};
