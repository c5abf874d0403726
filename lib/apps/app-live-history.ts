/**
 * What the live view compares against, for many apps in one statement: each app's
 * current release, the latest Slipway scale since it and the kubectl writes since it
 * (lib/apps/app-live.ts). LATERALs per app, as list-apps does.
 */
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type CurrentRelease = { sequence: number; image: string; spec: unknown; createdAt: Date };
export type KubectlWrite = { actorEmail: string | null; createdAt: Date; data: unknown };

/** One app in one environment: which releases count (`environmentId` null: those recorded before environments, the default's), and which audit events. */
export type LiveScope = {
  key: string;
  appId: string;
  environmentId: string | null;
  isDefault: boolean;
  teamId: string;
  /** The app's name, environment and namespace, as its audit events name them. */
  app: string;
  environment: string;
  namespace: string;
};

/** What the live view compares against for one scope: the current release, the latest Slipway scale since it, the kubectl writes since it. */
export type LiveHistory = { release: CurrentRelease; scaled: KubectlWrite | undefined; writes: KubectlWrite[] };

/**
 * The action as a literal, not a parameter: the partial index AuditEvent_app_events_idx
 * (its app, then time) serves a plan only when the planner can see the action is one of its two.
 */
const events = (action: "app.scale" | "kubectl.write", limit: number) => Prisma.sql`
  SELECT ${action} AS action, id, "actorEmail", "createdAt", data FROM "AuditEvent"
  WHERE "teamId" = s.team AND action = ${Prisma.raw(`'${action}'`)} AND data->>'app' = s.name AND "createdAt" >= r."createdAt"
    AND CASE
      WHEN data->>'namespace' IS NOT NULL THEN data->>'namespace' = s.ns
      WHEN data->>'environment' IS NOT NULL THEN data->>'environment' = s.env_name
      ELSE s.dflt
    END
  ORDER BY "createdAt" DESC, id DESC LIMIT ${limit}`;

const inScope = Prisma.sql`"appId" = s.app AND ("environmentId" = s.env OR ("environmentId" IS NULL AND s.dflt))`;

/**
 * The release in flight if there is one (the partial index Release_in_flight_idx), else
 * the latest that succeeded (a backward scan of Release(appId, sequence) that stops at
 * the first). Before, it was the top of a sort of each app's releases: for the
 * dashboard's 100 apps at the bench's large size, 8 ms under EXPLAIN ANALYZE against 1 ms.
 */
const currentRelease = Prisma.sql`
  (SELECT sequence, image, spec, "createdAt" FROM "Release"
   WHERE ${inScope} AND status IN ('APPLYING', 'ROLLING_OUT') ORDER BY sequence DESC LIMIT 1)
  UNION ALL
  (SELECT sequence, image, spec, "createdAt" FROM "Release"
   WHERE ${inScope} AND status = 'SUCCEEDED' ORDER BY sequence DESC LIMIT 1)
  LIMIT 1`;

/**
 * By scope key, in one statement: the release being rolled out (APPLYING, ROLLING_OUT),
 * else the latest that succeeded; then, since it, the newest `app.scale` event and the
 * five newest `kubectl.write` events for the app (`data->>'app'`) in its team and
 * environment (kubectl writes name their namespace; Slipway's events their environment,
 * none before environments: the default's). A scope without a current release is absent.
 */
export async function liveHistory(scopes: LiveScope[]): Promise<Map<string, LiveHistory>> {
  const found = new Map<string, LiveHistory>();
  if (scopes.length === 0) return found;
  // One array parameter per column, not one parameter per value: eight parameters for any
  // number of scopes, so the statement is prepared once per connection (lib/db-statement-names.ts
  // names none above 50) and not parsed and planned again on every page view.
  const column = <T>(type: string, value: (scope: LiveScope) => T) => Prisma.sql`${scopes.map(value)}::${Prisma.raw(type)}[]`;
  const columns = [
    column("text", (s) => s.key),
    column("uuid", (s) => s.appId),
    column("uuid", (s) => s.environmentId),
    column("boolean", (s) => s.isDefault),
    column("uuid", (s) => s.teamId),
    column("text", (s) => s.app),
    column("text", (s) => s.environment),
    column("text", (s) => s.namespace),
  ];
  const rows = await db().$queryRaw<
    (CurrentRelease & { key: string; action: string | null; actorEmail: string | null; at: Date | null; data: unknown })[]
  >`
    SELECT s.key, r.sequence, r.image, r.spec, r."createdAt", e.action, e."actorEmail", e."createdAt" AS at, e.data
    FROM unnest(${Prisma.join(columns)})
    AS s(key, app, env, dflt, team, name, env_name, ns)
    CROSS JOIN LATERAL (${currentRelease}) r
    LEFT JOIN LATERAL ((${events("app.scale", 1)}) UNION ALL (${events("kubectl.write", 5)})) e ON true
    ORDER BY s.key, e."createdAt" DESC, e.id DESC`;
  for (const { key, action, actorEmail, at, data, ...release } of rows) {
    let history = found.get(key);
    if (!history) {
      history = { release: { ...release, createdAt: new Date(release.createdAt) }, scaled: undefined, writes: [] };
      found.set(key, history);
    }
    if (action === null) continue;
    const event = { actorEmail, createdAt: new Date(at!), data };
    if (action === "app.scale") history.scaled = event;
    else history.writes.push(event);
  }
  return found;
}
