/**
 * What the live view compares against, for many apps in a fixed number of queries:
 * each app's current release, the latest Slipway scale since it and the kubectl writes
 * since it (lib/apps/app-live.ts). One LATERAL per app in each query, as list-apps does.
 */
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type CurrentRelease = { sequence: number; image: string; spec: unknown; createdAt: Date };
export type KubectlWrite = { actorEmail: string | null; createdAt: Date; data: unknown };

/** Which releases count: one app in one environment (`environmentId` null: the releases recorded before environments). */
export type ReleaseScope = { key: string; appId: string; environmentId: string | null; isDefault: boolean };

/**
 * The release being rolled out (APPLYING, ROLLING_OUT), else the latest that succeeded,
 * by scope key. The default environment also owns the releases recorded before environments.
 */
export async function currentReleases(scopes: ReleaseScope[]): Promise<Map<string, CurrentRelease>> {
  if (scopes.length === 0) return new Map();
  const rows = await db().$queryRaw<(CurrentRelease & { key: string })[]>`
    SELECT s.key, r.sequence, r.image, r.spec, r."createdAt"
    FROM unnest(
      ARRAY[${Prisma.join(scopes.map((s) => s.key))}]::text[],
      ARRAY[${Prisma.join(scopes.map((s) => s.appId))}]::uuid[],
      ARRAY[${Prisma.join(scopes.map((s) => s.environmentId))}]::uuid[],
      ARRAY[${Prisma.join(scopes.map((s) => s.isDefault))}]::boolean[]
    ) AS s(key, app, env, dflt)
    CROSS JOIN LATERAL (
      SELECT sequence, image, spec, "createdAt" FROM "Release"
      WHERE "appId" = s.app AND status::text IN ('APPLYING', 'ROLLING_OUT', 'SUCCEEDED')
        AND ("environmentId" = s.env OR ("environmentId" IS NULL AND s.dflt))
      ORDER BY (status::text <> 'SUCCEEDED') DESC, sequence DESC LIMIT 1
    ) r`;
  return new Map(rows.map(({ key, ...release }) => [key, { ...release, createdAt: new Date(release.createdAt) }]));
}

/** An app of a team, in one environment (its name and namespace), whose audit events since `since` are wanted. */
export type AuditWindow = {
  key: string;
  teamId: string;
  app: string;
  since: Date;
  environment: string;
  namespace: string;
  isDefault: boolean;
};

/**
 * The action as a literal, not a parameter: the partial index AuditEvent_app_events_idx
 * (its app, then time) serves a plan only when the planner can see the action is one of its two.
 */
const ACTION_LITERAL = { "app.scale": Prisma.raw("'app.scale'"), "kubectl.write": Prisma.raw("'kubectl.write'") } as const;

/**
 * Per window, the newest `limit` audit events with `action` for the app
 * (`data->>'app'`) in its team and environment since `since`, newest first. kubectl
 * writes name their namespace; Slipway's events their environment (none before
 * environments: the default's).
 */
export async function auditEventsSince(
  action: "app.scale" | "kubectl.write",
  windows: AuditWindow[],
  limit: number,
): Promise<Map<string, KubectlWrite[]>> {
  const found = new Map<string, KubectlWrite[]>();
  if (windows.length === 0) return found;
  const rows = await db().$queryRaw<(KubectlWrite & { key: string })[]>`
    SELECT w.key, e."actorEmail", e."createdAt", e.data
    FROM unnest(
      ARRAY[${Prisma.join(windows.map((w) => w.key))}]::text[],
      ARRAY[${Prisma.join(windows.map((w) => w.teamId))}]::uuid[],
      ARRAY[${Prisma.join(windows.map((w) => w.app))}]::text[],
      ARRAY[${Prisma.join(windows.map((w) => w.since.toISOString()))}]::timestamptz[],
      ARRAY[${Prisma.join(windows.map((w) => w.environment))}]::text[],
      ARRAY[${Prisma.join(windows.map((w) => w.namespace))}]::text[],
      ARRAY[${Prisma.join(windows.map((w) => w.isDefault))}]::boolean[]
    ) AS w(key, team, app, since, env, ns, dflt)
    CROSS JOIN LATERAL (
      SELECT id, "actorEmail", "createdAt", data FROM "AuditEvent"
      WHERE "teamId" = w.team AND action = ${ACTION_LITERAL[action]} AND data->>'app' = w.app AND "createdAt" >= w.since
        AND CASE
          WHEN data->>'namespace' IS NOT NULL THEN data->>'namespace' = w.ns
          WHEN data->>'environment' IS NOT NULL THEN data->>'environment' = w.env
          ELSE w.dflt
        END
      ORDER BY "createdAt" DESC, id DESC LIMIT ${limit}
    ) e
    ORDER BY w.key, e."createdAt" DESC, e.id DESC`;
  for (const { key, ...event } of rows) {
    const list = found.get(key) ?? [];
    list.push({ ...event, createdAt: new Date(event.createdAt) });
    found.set(key, list);
  }
  return found;
}
