import os from "node:os";
import { createApi, CliError, ok } from "../api";
import { normalizeServer, saveConfig } from "../config";
import type { Command, Context } from "../context";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function remember(ctx: Context, server: string, token: string) {
  const me = await ok(createApi({ server, token, fetch: ctx.io.fetch }).GET("/me"));
  const team = ctx.flag("team") ?? ctx.config.servers[server]?.team;
  ctx.config.servers[server] = { token, email: me.email, ...(team ? { team } : {}) };
  ctx.config.current = server;
  await saveConfig(ctx.dir, ctx.config);
  return me;
}

/** The browser flow: a code to approve at Slipway while signed in, then the token collected with the secret. */
async function browserLogin(ctx: Context, server: string): Promise<string> {
  const anonymous = createApi({ server, fetch: ctx.io.fetch });
  const clientName = `${os.userInfo().username}@${os.hostname()}`.slice(0, 100);
  const login = await ok(anonymous.POST("/cli/logins", { body: { clientName } }));
  const url = `${server}${login.approvePath}`;
  ctx.io.stderr(`Open ${url}\nand approve the code ${login.code} (it expires at ${login.expiresAt.slice(11, 16)} UTC).\n`);
  if (ctx.flags.browser !== false) ctx.io.openBrowser?.(url);
  const deadline = Date.parse(login.expiresAt);
  while (Date.now() < deadline) {
    await sleep(login.intervalSeconds * 1000);
    const answer = await ok(anonymous.POST("/cli/logins/token", { body: { secret: login.secret } }));
    if (answer.status === "approved") return answer.token;
  }
  throw new CliError("The code expired before it was approved. Run slipway login again.");
}

export const login: Command = {
  usage: "login --server URL [--token TOKEN] [--team TEAM] [--no-browser]",
  summary: "Sign in (in the browser, or with an API token for CI) and remember the token",
  options: { token: { type: "string" }, "no-browser": { type: "boolean" } },
  async run(ctx) {
    const given = ctx.flag("server") ?? ctx.io.env.SLIPWAY_SERVER ?? ctx.config.current;
    if (!given) throw new CliError("usage: slipway login --server URL", 2);
    const server = normalizeServer(given);
    if (ctx.flags["no-browser"]) ctx.flags.browser = false;
    const token = ctx.flag("token") ?? ctx.io.env.SLIPWAY_TOKEN ?? (await browserLogin(ctx, server));
    const me = await remember(ctx, server, token);
    ctx.out(`Logged in to ${server} as ${me.email}.`, { server, email: me.email, team: ctx.config.servers[server]?.team ?? null });
  },
};

export const logout: Command = {
  usage: "logout",
  summary: "Revoke this machine's token and forget it",
  async run(ctx) {
    const server = ctx.server();
    const entry = ctx.config.servers[server];
    if (!entry) return ctx.out(`Not logged in to ${server}.`, { server, revoked: false });
    const api = createApi({ server, token: entry.token, fetch: ctx.io.fetch });
    // Revoke it on the server too: a copied config file must not keep working.
    const { data } = await api.GET("/tokens").catch(() => ({ data: undefined }));
    const mine = data?.tokens.find((token) => entry.token.startsWith(token.prefix) && !token.revokedAt);
    if (mine) await api.DELETE("/tokens/{tokenId}", { params: { path: { tokenId: mine.id } } }).catch(() => undefined);
    delete ctx.config.servers[server];
    if (ctx.config.current === server) delete ctx.config.current;
    await saveConfig(ctx.dir, ctx.config);
    ctx.out(`Logged out of ${server}${mine ? " and revoked the token" : ""}.`, { server, revoked: Boolean(mine) });
  },
};

export const whoami: Command = {
  usage: "whoami",
  summary: "Who you are on which server, and your teams",
  async run(ctx) {
    const api = ctx.api();
    const [me, teams] = await Promise.all([ok(api.GET("/me")), ok(api.GET("/teams"))]);
    const roles = teams.teams.map((team) => `${team.slug} (${team.role?.toLowerCase() ?? "admin"})`);
    ctx.out(
      `${me.name ?? me.email} <${me.email}> on ${ctx.server()}${me.isPlatformAdmin ? ", platform admin" : ""}\nteams: ${roles.join(", ") || "none"}`,
      { server: ctx.server(), ...me, teams: teams.teams },
    );
  },
};
