import type { AppLive } from "@/lib/apps/app-live.types";

type EnvironmentLive = {
  name: string;
  cluster: string;
  namespace: string;
  default: boolean;
  live: AppLive;
  requiresApproval?: boolean;
  freezeUntil?: Date | null;
  freezeReason?: string | null;
};

const HEALTH_STYLE: Record<string, string> = {
  Healthy: "bg-green-100 text-green-800",
  Progressing: "bg-blue-100 text-blue-800",
  Degraded: "bg-red-100 text-red-800",
  Missing: "bg-amber-100 text-amber-800",
};

/** The app in each of the team's environments, side by side: current release, health, drift. */
export function AppEnvironments({
  environments,
  actions = {},
}: {
  environments: EnvironmentLive[];
  /** Per environment name: what can be done from it (the promote button). */
  actions?: Partial<Record<string, React.ReactNode>>;
}) {
  return (
    <section aria-labelledby="environments" className="space-y-3">
      <h2 id="environments" className="text-lg font-semibold">
        Environments
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {environments.map(({ name, cluster, namespace, live, ...environment }) => (
          <li key={name} data-testid={`environment-${name}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                {name}
                {environment.default && <span className="ml-2 text-xs font-normal text-slate-500">(default)</span>}
              </h3>
              <span className="font-mono text-xs text-slate-500">
                {cluster} · {namespace}
              </span>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">Release</dt>
              <dd data-testid="environment-release" className="break-all">
                {live.release ? `#${live.release.sequence} · ${live.release.image}` : "not deployed"}
              </dd>
              <dt className="text-slate-600">Health</dt>
              <dd>
                {live.health ? (
                  <span className={`rounded px-1.5 py-0.5 text-xs ${HEALTH_STYLE[live.health.state] ?? ""}`} title={live.health.reason}>
                    {live.health.state}
                  </span>
                ) : (
                  "unknown"
                )}
              </dd>
              <dt className="text-slate-600">Drift</dt>
              <dd>
                {live.drift.state === "drifted"
                  ? `drifted (${live.drift.changes.map((change) => change.field).join(", ")})`
                  : live.drift.state === "in-sync"
                    ? "in sync"
                    : "unknown"}
              </dd>
            </dl>
            {environment.freezeUntil && (
              <p data-testid="environment-frozen" className="rounded bg-sky-100 px-2 py-1 text-xs text-sky-900">
                Frozen until {environment.freezeUntil.toISOString()}
                {environment.freezeReason ? `: ${environment.freezeReason}` : ""}
              </p>
            )}
            {environment.requiresApproval && <p className="text-xs text-slate-600">Deploys here need a second lead&apos;s approval.</p>}
            {actions[name]}
            {live.error && (
              <p role="status" className="text-xs text-amber-800">
                {live.error}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
