/**
 * How many replicas a new release of an app runs in an environment. In the team's default
 * environment that is the app's own count (Scale there keeps it in step); in another, the
 * count Scale last set there (AppReplicas), else the app's own. So scaling qa never
 * changes what production's next deploy runs, and qa's next deploy keeps qa's scale.
 */
import { db, type Tx } from "@/lib/db";
import type { TeamEnvironment } from "@/lib/environments/team-environments";

type Where = Pick<TeamEnvironment, "id" | "isDefault">;
/** The environment whose own count is kept in AppReplicas; null where the App row's count applies. */
const keptIn = (environment: Where) => (environment.isDefault ? null : environment.id);

export async function replicasIn(app: { id: string; replicas: number }, environment: Where): Promise<number> {
  return (await scaledIn(app, environment)) ?? app.replicas;
}

/** The count Scale set in an environment other than the default, or null (none set, or the default: the App row has it). */
export async function scaledIn(app: { id: string }, environment: Where): Promise<number | null> {
  const environmentId = keptIn(environment);
  if (!environmentId) return null;
  const scaled = await db().appReplicas.findUnique({
    where: { appId_environmentId: { appId: app.id, environmentId } },
    select: { replicas: true },
  });
  return scaled?.replicas ?? null;
}

/** Records a Scale to `replicas` in `environment` (in the caller's transaction). */
export function keepReplicasIn(tx: Tx, app: { id: string }, environment: Where, replicas: number) {
  const environmentId = keptIn(environment);
  if (!environmentId) return tx.app.update({ where: { id: app.id }, data: { replicas } });
  const key = { appId: app.id, environmentId };
  return tx.appReplicas.upsert({ where: { appId_environmentId: key }, create: { ...key, replicas }, update: { replicas } });
}
