import { CliError, ok } from "../api";
import { table, when, type Command, type Context } from "../context";

const appPath = (ctx: Context, index = 0) => {
  const { team, app } = ctx.app(index);
  return { params: { path: { team, app } } };
};

export const apps: Command = {
  usage: "apps [--team TEAM]",
  summary: "The apps of a team (or of all your teams) with their last release",
  async run(ctx) {
    const api = ctx.api();
    const explicit = ctx.flag("team") ?? ctx.io.env.SLIPWAY_TEAM ?? ctx.entry()?.team;
    const teams = explicit ? [explicit] : (await ok(api.GET("/teams"))).teams.map((team) => team.slug);
    // Every page of each team's apps (the API answers 100 at a time unless asked).
    const allApps = async (team: string) => {
      const found = [];
      let after: string | undefined;
      do {
        const page = await ok(api.GET("/teams/{team}/apps", { params: { path: { team }, query: { after, limit: 500 } } }));
        found.push(...page.apps);
        after = page.nextAfter ?? undefined;
      } while (after !== undefined);
      return found;
    };
    const lists = await Promise.all(teams.map(async (team) => ({ team, apps: await allApps(team) })));
    const rows = lists.flatMap(({ team, apps }) =>
      apps.map((app) => {
        const last = app.releases[0];
        return [
          `${team}/${app.name}`,
          app.replicas,
          last ? `#${last.sequence} ${last.image.split(":").pop()}` : null,
          last?.status,
          when(last?.createdAt),
        ];
      }),
    );
    ctx.out(rows.length ? table(["APP", "REPLICAS", "RELEASE", "STATUS", "AT"], rows) : "No apps.", lists);
  },
};

export const status: Command = {
  usage: "status APP",
  summary: "What runs: rollout, pods and recent events",
  async run(ctx) {
    const answer = await ok(
      ctx.api().GET("/teams/{team}/apps/{app}/status", { params: { ...appPath(ctx).params, query: ctx.environment() } }),
    );
    if ("error" in answer) return ctx.out(`Cannot read the cluster: ${answer.error}`, answer);
    const { deployment, rollout, pods, events } = answer.view;
    const lines = [
      deployment
        ? `release #${deployment.releaseSequence ?? "?"}  ${deployment.image ?? ""}  replicas ${deployment.replicas}`
        : "Not deployed.",
      rollout
        ? `rollout: ${rollout.done ? "done" : rollout.failed ? "failed" : "in progress"} (${rollout.available}/${rollout.desired} available) ${rollout.message}`.trimEnd()
        : "",
      "",
      pods.length
        ? table(
            ["POD", "PHASE", "READY", "RESTARTS", "STARTED"],
            pods.map((p) => [p.name, p.phase, p.ready ? "yes" : "no", p.restarts, when(p.startedAt)]),
          )
        : "No pods.",
      events.length
        ? `\n${table(
            ["TYPE", "REASON", "OBJECT", "MESSAGE"],
            events.map((e) => [e.type, e.reason, e.object, e.message]),
          )}`
        : "",
    ];
    ctx.out(lines.filter((line, i) => line !== "" || i === 2).join("\n"), answer);
  },
};

export const releases: Command = {
  usage: "releases APP",
  summary: "The release history, newest first",
  async run(ctx) {
    const answer = await ok(
      ctx.api().GET("/teams/{team}/apps/{app}/releases", { params: { ...appPath(ctx).params, query: ctx.environment() } }),
    );
    const rows = answer.releases.map((r) => [
      `#${r.sequence}`,
      r.image,
      r.status,
      r.requestedBy?.email,
      when(r.createdAt),
      r.rollbackOf ? `rollback of #${r.rollbackOf.sequence}` : r.error,
    ]);
    ctx.out(rows.length ? table(["RELEASE", "IMAGE", "STATUS", "BY", "AT", "NOTE"], rows) : "No releases yet.", answer);
  },
};

export const diff: Command = {
  usage: "diff APP [N]",
  summary: "What release N (default: the latest) changed since the one before",
  async run(ctx) {
    const api = ctx.api();
    const path = appPath(ctx).params.path;
    let sequence = ctx.args[1] ? Number(ctx.args[1]) : undefined;
    if (sequence === undefined) {
      const latest = (await ok(api.GET("/teams/{team}/apps/{app}/releases", { params: { path, query: { limit: 1 } } }))).releases[0];
      if (!latest) throw new CliError(`${path.app} has no releases yet.`);
      sequence = latest.sequence;
    }
    if (!Number.isInteger(sequence) || sequence < 1) throw new CliError("N must be a release number", 2);
    const answer = await ok(api.GET("/teams/{team}/apps/{app}/releases/{sequence}", { params: { path: { ...path, sequence } } }));
    const show = (value: unknown) => (value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value));
    const lines = answer.changes.map((change) => change.summary ?? `${change.field}: ${show(change.before)} -> ${show(change.after)}`);
    const title = `#${sequence} against ${answer.previousSequence ? `#${answer.previousSequence}` : "nothing (first release)"}`;
    ctx.out([title, ...(lines.length ? lines : ["no changes"])].join("\n"), answer);
  },
};

export const scale: Command = {
  usage: "scale APP N",
  summary: "Set the number of replicas",
  async run(ctx) {
    const replicas = Number(ctx.arg(1, "N"));
    if (!Number.isInteger(replicas)) throw new CliError("N must be a whole number", 2);
    const answer = await ok(
      ctx.api().POST("/teams/{team}/apps/{app}/scale", { ...appPath(ctx), body: { replicas, ...ctx.environment() } }),
    );
    ctx.out(`${answer.app} scaled to ${answer.replicas}.`, answer);
  },
};

export const restart: Command = {
  usage: "restart APP",
  summary: "Restart the app's pods, one by one",
  async run(ctx) {
    const answer = await ok(ctx.api().POST("/teams/{team}/apps/{app}/restart", { ...appPath(ctx), body: ctx.environment() }));
    ctx.out(`${answer.app} restarting.`, answer);
  },
};
