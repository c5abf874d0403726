/**
 * `slipway access ...`: ask a team for a role, and (for its leads) answer such requests.
 * Durations are hours ("4h", "2d", or a number of hours); without one a grant is for good.
 */
import { CliError, ok } from "../api";
import { table, when, type Command, type Context } from "../context";

const ROLES = ["LEAD", "DEPLOYER", "VIEWER"] as const;
type Role = (typeof ROLES)[number];

/** "4h" -> 4, "2d" -> 48, "6" -> 6; anything else is a usage mistake. */
export function durationToHours(text: string): number {
  const match = text.trim().match(/^(\d+)([hd]?)$/);
  if (!match) throw new CliError(`--for must be hours or days, like 4h or 2d (got ${JSON.stringify(text)})`, 2);
  return Number(match[1]) * (match[2] === "d" ? 24 : 1);
}

function roleFlag(ctx: Context, required: boolean): Role | undefined {
  const value = ctx.flag("role");
  if (value === undefined) {
    if (required) throw new CliError("--role is required (lead, deployer or viewer)", 2);
    return undefined;
  }
  const role = value.toUpperCase() as Role;
  if (!ROLES.includes(role)) throw new CliError("--role must be lead, deployer or viewer", 2);
  return role;
}

const hoursFlag = (ctx: Context) => (ctx.flag("for") === undefined ? undefined : durationToHours(ctx.flag("for")!));

/** A request's id, or the first characters of one still pending (as `access list` shows them). */
async function resolveRequest(ctx: Context, team: string, given: string): Promise<string> {
  if (/^[0-9a-f-]{36}$/i.test(given)) return given;
  const { requests } = await ok(
    ctx.api().GET("/teams/{team}/access-requests", { params: { path: { team }, query: { status: "pending" } } }),
  );
  const matches = requests.filter((request) => request.id.startsWith(given.toLowerCase()));
  if (matches.length !== 1) throw new CliError(`${matches.length ? "Several" : "No"} pending requests of ${team} start with ${given}.`);
  return matches[0]!.id;
}

export const accessRequest: Command = {
  usage: "access request TEAM --role ROLE --reason TEXT [--for 4h|2d]",
  summary: "Ask a team's leads for a role, for good or for a while",
  options: { role: { type: "string" }, reason: { type: "string" }, for: { type: "string" } },
  async run(ctx) {
    const team = ctx.args[0] ?? ctx.team();
    const role = roleFlag(ctx, true)!;
    const reason = ctx.flag("reason");
    if (!reason) throw new CliError("--reason is required: say why you need it", 2);
    const hours = hoursFlag(ctx);
    const answer = await ok(
      ctx.api().POST("/teams/{team}/access-requests", {
        params: { path: { team } },
        body: { role, reason, ...(hours === undefined ? {} : { hours }) },
      }),
    );
    const span = hours === undefined ? "" : ` for ${hours} h`;
    ctx.out(
      `Asked ${team} for ${role.toLowerCase()}${span}; its leads decide (request ${answer.id.slice(0, 8)}, open until ${when(answer.expiresAt)}).`,
      answer,
    );
  },
};

export const accessList: Command = {
  usage: "access list TEAM [--all]",
  summary: "Leads: the team's pending access requests (--all: recent decisions too)",
  options: { all: { type: "boolean" } },
  async run(ctx) {
    const team = ctx.args[0] ?? ctx.team();
    const status = ctx.flags.all === true ? "all" : "pending";
    const answer = await ok(ctx.api().GET("/teams/{team}/access-requests", { params: { path: { team }, query: { status } } }));
    const rows = answer.requests.map((r) => [
      r.id.slice(0, 8),
      r.requester.email,
      r.role.toLowerCase(),
      r.hours === null ? "for good" : `${r.hours} h`,
      r.status.toLowerCase(),
      when(r.createdAt),
      r.reason,
    ]);
    ctx.out(rows.length ? table(["ID", "WHO", "ROLE", "FOR", "STATUS", "ASKED", "REASON"], rows) : "No pending requests.", answer);
  },
};

export const accessApprove: Command = {
  usage: "access approve TEAM ID [--role ROLE] [--for 2h]",
  summary: "Leads: grant a request, possibly a lower role or for less time",
  options: { role: { type: "string" }, for: { type: "string" } },
  async run(ctx) {
    const team = ctx.arg(0, "TEAM");
    const requestId = await resolveRequest(ctx, team, ctx.arg(1, "ID"));
    const role = roleFlag(ctx, false);
    const hours = hoursFlag(ctx);
    const answer = await ok(
      ctx.api().POST("/teams/{team}/access-requests/{requestId}/approve", {
        params: { path: { team, requestId } },
        body: { ...(role ? { role } : {}), ...(hours === undefined ? {} : { hours }) },
      }),
    );
    const until = answer.grantedUntil ? ` until ${when(answer.grantedUntil)}` : "";
    ctx.out(`${answer.requester.email} is ${answer.grantedRole?.toLowerCase()} of ${team}${until}.`, answer);
  },
};

export const accessDeny: Command = {
  usage: "access deny TEAM ID --reason TEXT",
  summary: "Leads: refuse a request, saying why",
  options: { reason: { type: "string" } },
  async run(ctx) {
    const team = ctx.arg(0, "TEAM");
    const reason = ctx.flag("reason");
    if (!reason) throw new CliError("--reason is required: the requester sees it", 2);
    const requestId = await resolveRequest(ctx, team, ctx.arg(1, "ID"));
    const answer = await ok(
      ctx.api().POST("/teams/{team}/access-requests/{requestId}/deny", { params: { path: { team, requestId } }, body: { reason } }),
    );
    ctx.out(`Denied ${answer.requester.email}'s request for ${answer.role.toLowerCase()}.`, answer);
  },
};
