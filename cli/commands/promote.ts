import { CliError, ok } from "../api";
import type { Command } from "../context";
import { followRelease } from "./deploy";

export const promote: Command = {
  usage: "promote APP --from ENV --to ENV [--sequence N] [--wait] [--override REASON]",
  summary: "Promote a succeeded release (default: the latest in --from) to --to by digest; it may wait for another lead's approval",
  options: {
    from: { type: "string" },
    to: { type: "string" },
    sequence: { type: "string" },
    override: { type: "string" },
    wait: { type: "boolean", short: "w" },
  },
  async run(ctx) {
    const { team, app } = ctx.app(0);
    const from = ctx.flag("from");
    const to = ctx.flag("to");
    if (!from || !to) throw new CliError("promote needs --from ENV and --to ENV", 2);
    const sequence = ctx.flag("sequence") ? Number(ctx.flag("sequence")) : undefined;
    const reason = ctx.flag("override");
    const answer = await ok(
      ctx.api().POST("/teams/{team}/apps/{app}/promotions", {
        params: { path: { team, app } },
        body: { from, to, ...(sequence ? { sequence } : {}), ...(reason ? { override: true, reason } : {}) },
      }),
    );
    const { release } = answer;
    const head = `${team}/${app} release #${release.sequence} to ${to} (${release.image})`;
    if (release.status === "AWAITING_APPROVAL") {
      return ctx.out(`Promoting ${head}: waits for another lead's approval (slipway approve ${app} ${release.sequence}).`, answer);
    }
    if (!ctx.flags.wait) return ctx.out(`Promoting ${head}: ${release.status}`, answer);
    if (!ctx.json) ctx.io.stderr(`Promoting ${head}\n`);
    const outcome = await followRelease(ctx, team, app, release);
    ctx.out(`#${release.sequence} ${outcome.status?.toLowerCase()}${outcome.error ? `: ${outcome.error}` : ""}.`, { ...answer, outcome });
    return outcome.status === "SUCCEEDED" ? 0 : 1;
  },
};

export const approve: Command = {
  usage: "approve APP N",
  summary: "Approve release N waiting for approval (a lead other than the one who asked); it is then deployed",
  async run(ctx) {
    const { team, app } = ctx.app(0);
    const sequence = Number(ctx.arg(1, "N"));
    const answer = await ok(
      ctx.api().POST("/teams/{team}/apps/{app}/releases/{sequence}/approve", { params: { path: { team, app, sequence } } }),
    );
    ctx.out(`Approved ${team}/${app} release #${sequence}: ${answer.release.status}`, answer);
  },
};
