import { CliError, ok } from "../api";
import { table, when, type Command } from "../context";
import { durationToHours } from "./access";

const ROLES = ["LEAD", "DEPLOYER", "VIEWER"] as const;

/** "30m", "2h", "7d" before now, or a date or ISO time as it is. */
export function sinceToInstant(since: string, now = Date.now()): string {
  const relative = since.match(/^(\d+)([mhd])$/);
  if (!relative) return since;
  const minutes = Number(relative[1]) * { m: 1, h: 60, d: 24 * 60 }[relative[2] as "m" | "h" | "d"];
  return new Date(now - minutes * 60_000).toISOString();
}

export const activity: Command = {
  usage: "activity [--team TEAM] [--app APP] [--since 2h|7d|DATE]",
  summary: "The audit log: who did what, newest first",
  options: { app: { type: "string" }, since: { type: "string" } },
  async run(ctx) {
    const since = ctx.flag("since");
    const query = {
      ...(ctx.flag("team") ? { team: ctx.flag("team") } : {}),
      ...(ctx.flag("app") ? { app: ctx.flag("app") } : {}),
      ...(since ? { from: sinceToInstant(since) } : {}),
    };
    const answer = await ok(ctx.api().GET("/audit", { params: { query } }));
    const rows = answer.events.map((event) => [
      when(event.createdAt),
      event.actorEmail,
      event.action,
      event.team?.slug,
      summary(event.data),
    ]);
    ctx.out(rows.length ? table(["AT", "WHO", "ACTION", "TEAM", "WHAT"], rows) : "Nothing happened.", answer);
  },
};

function summary(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== null && typeof value !== "object")
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
}

export const members: Command = {
  usage: "members TEAM",
  summary: "Who has which role in a team",
  async run(ctx) {
    const team = ctx.args[0] ?? ctx.team();
    const answer = await ok(ctx.api().GET("/teams/{team}/members", { params: { path: { team } } }));
    const rows = answer.members.map((m) => [
      m.email,
      m.name,
      m.role.toLowerCase(),
      m.pending
        ? "pending first sign-in"
        : m.expiresAt
          ? `until ${when(m.expiresAt)}${m.expiresTo ? `, then ${m.expiresTo.toLowerCase()}` : ""}`
          : "",
      m.grantedBy,
      when(m.grantedAt),
    ]);
    ctx.out(table(["EMAIL", "NAME", "ROLE", "", "GRANTED BY", "AT"], rows), answer);
  },
};

export const grant: Command = {
  usage: "grant TEAM EMAIL ROLE [--for 4h|2d]",
  summary: "Give someone a role (lead, deployer, viewer), or change theirs; --for: a new member's access ends by itself",
  options: { for: { type: "string" } },
  async run(ctx) {
    const team = ctx.arg(0, "TEAM");
    const email = ctx.arg(1, "EMAIL");
    const role = ctx.arg(2, "ROLE (lead, deployer or viewer)").toUpperCase() as (typeof ROLES)[number];
    if (!ROLES.includes(role)) throw new CliError("ROLE must be lead, deployer or viewer", 2);
    const api = ctx.api();
    const { members } = await ok(api.GET("/teams/{team}/members", { params: { path: { team } } }));
    const existing = members.find((member) => member.email.toLowerCase() === email.toLowerCase());
    const hours = ctx.flag("for") === undefined ? undefined : durationToHours(ctx.flag("for")!);
    if (existing && hours !== undefined)
      throw new CliError(`${email} is already a member; --for applies to new grants (or ask them to request access)`);
    const answer = existing
      ? await ok(api.PATCH("/teams/{team}/members/{userId}", { params: { path: { team, userId: existing.userId } }, body: { role } }))
      : await ok(
          api.POST("/teams/{team}/members", {
            params: { path: { team } },
            body: { email, role, ...(hours === undefined ? {} : { hours }) },
          }),
        );
    ctx.out(`${email} is ${role.toLowerCase()} of ${team}.`, answer);
  },
};

export const revoke: Command = {
  usage: "revoke TEAM EMAIL",
  summary: "Remove someone from a team (their kubectl access ends too)",
  async run(ctx) {
    const team = ctx.arg(0, "TEAM");
    const email = ctx.arg(1, "EMAIL");
    const api = ctx.api();
    const { members } = await ok(api.GET("/teams/{team}/members", { params: { path: { team } } }));
    const member = members.find((m) => m.email.toLowerCase() === email.toLowerCase());
    if (!member) throw new CliError(`${email} is not a member of ${team}.`);
    const answer = await ok(api.DELETE("/teams/{team}/members/{userId}", { params: { path: { team, userId: member.userId } } }));
    ctx.out(`${email} removed from ${team}.`, answer);
  },
};
