import { writeFile } from "node:fs/promises";
import { CliError, errorOf, ok } from "../api";
import { loadKubeTokens, normalizeServer, saveKubeTokens } from "../config";
import type { Command } from "../context";

/** A cached token is used while it has this much life left; kubectl asks again after expirationTimestamp. */
const REFRESH_BEFORE_MS = 60_000;

export const kubeconfig: Command = {
  usage: "kubeconfig TEAM [--static] [-o FILE]",
  summary:
    "A kubeconfig for the team namespace; kubectl gets fresh tokens from `slipway kube-token` (--static: a one-hour token in the file)",
  options: { static: { type: "boolean" }, output: { type: "string", short: "o" } },
  async run(ctx) {
    const team = ctx.args[0] ?? ctx.team();
    const query = {
      ...(ctx.flags.static ? { format: "static" as const } : { format: "exec" as const, server: ctx.server() }),
      ...ctx.environment(),
    };
    const { data, error, response } = await ctx
      .api()
      .POST("/teams/{team}/kubeconfig", { params: { path: { team }, query }, parseAs: "text" });
    if (!response.ok || data === undefined) throw errorOf(error, response);
    const file = ctx.flag("output");
    if (!file) return ctx.io.stdout(data);
    await writeFile(file, data, { mode: 0o600 });
    ctx.io.stderr(`wrote ${file}; use it with: KUBECONFIG=${file} kubectl get pods\n`);
  },
};

/**
 * The client-go exec credential plugin (client.authentication.k8s.io/v1): prints an
 * ExecCredential with a token of the person's own ServiceAccount, from the cache while
 * it has a minute left, else fresh from Slipway. kubectl runs it, never a person.
 */
export const kubeToken: Command = {
  usage: "kube-token TEAM --server URL [--env ENVIRONMENT]",
  summary: "(for kubectl) an ExecCredential with a short-lived token for the team namespace",
  async run(ctx) {
    const team = ctx.arg(0, "TEAM");
    const server = normalizeServer(ctx.server());
    const environment = ctx.environment();
    const key = `${server} ${team}${environment.environment ? ` ${environment.environment}` : ""}`;
    const tokens = await loadKubeTokens(ctx.dir);
    let cached = tokens[key];
    if (!cached || Date.parse(cached.expiresAt) - Date.now() < REFRESH_BEFORE_MS) {
      if (!ctx.io.env.SLIPWAY_TOKEN && !ctx.config.servers[server]) {
        throw new CliError(`slipway is not logged in to ${server}. Run: slipway login --server ${server}`);
      }
      const fresh = await ok(ctx.api().POST("/teams/{team}/kube-token", { params: { path: { team } }, body: environment }));
      cached = { token: fresh.token, expiresAt: fresh.expiresAt };
      // Expired entries of other teams go when a new one is written.
      for (const [other, entry] of Object.entries(tokens)) if (Date.parse(entry.expiresAt) < Date.now()) delete tokens[other];
      tokens[key] = cached;
      await saveKubeTokens(ctx.dir, tokens);
    }
    ctx.io.stdout(
      `${JSON.stringify({
        apiVersion: "client.authentication.k8s.io/v1",
        kind: "ExecCredential",
        status: { token: cached.token, expirationTimestamp: new Date(Date.parse(cached.expiresAt) - REFRESH_BEFORE_MS).toISOString() },
      })}\n`,
    );
  },
};
