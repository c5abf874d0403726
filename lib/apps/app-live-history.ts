/**
 * What the live view compares against, for many apps in a fixed number of queries:
 * each app's current release, the latest Slipway scale since it and the kubectl writes
 * since it (lib/apps/app-live.ts). One LATERAL per app in each query, as list-apps does.
 */
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type CurrentRelease = { sequence: number; image: string; spec: unknown; createdAt: Date };
export type KubectlWrite = { actorEmail: string | null; createdAt: Date; data: unknown };

/** The release being rolled out (APPLYING, ROLLING_OUT), else the latest that succeeded, by app id. */
export async function currentReleases(appIds: string[]): Promise<Map<string, CurrentRelease>> {
  if (appIds.length === 0) return new Map();
  const rows = await db().$queryRaw<(CurrentRelease & { appId: string })[]>`
    SELECT a.id::text AS "appId", r.sequence, r.image, r.spec, r."createdAt"
    FROM unnest(ARRAY[${Prisma.join(appIds)}]::uuid[]) AS a(id)
    CROSS JOIN LATERAL (
      SELECT sequence, image, spec, "createdAt" FROM "Release"
      WHERE "appId" = a.id AND status::text IN ('APPLYING', 'ROLLING_OUT', 'SUCCEEDED')
      ORDER BY (status::text <> 'SUCCEEDED') DESC, sequence DESC LIMIT 1
    ) r`;
  return new Map(rows.map(({ appId, ...release }) => [appId, { ...release, createdAt: new Date(release.createdAt) }]));
}

/** An app of a team whose audit events since `since` are wanted. */
export type AuditWindow = { key: string; teamId: string; app: string; since: Date };

/**
 * Per window, the newest `limit` audit events with `action` for the app
 * (`data->>'app'`) in its team since `since`, newest first.
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
      ARRAY[${Prisma.join(windows.map((w) => w.since.toISOString()))}]::timestamptz[]
    ) AS w(key, team, app, since)
    CROSS JOIN LATERAL (
      SELECT id, "actorEmail", "createdAt", data FROM "AuditEvent"
      WHERE "teamId" = w.team AND action = ${action} AND "createdAt" >= w.since AND data->>'app' = w.app
      ORDER BY id DESC LIMIT ${limit}
    ) e
    ORDER BY w.key, e.id DESC`;
  for (const { key, ...event } of rows) {
    const list = found.get(key) ?? [];
    list.push({ ...event, createdAt: new Date(event.createdAt) });
    found.set(key, list);
  }
  return found;
}
