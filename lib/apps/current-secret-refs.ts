import type { Tx } from "@/lib/db";
import type { SecretRef } from "@/lib/apps/release-spec";

/** The app's secrets set in one environment, by name, with their versions: what a release made there now runs with. */
export async function currentSecretRefs(tx: Tx, appId: string, environmentId: string | null): Promise<SecretRef[]> {
  // An environment not saved yet (a team made without one) has no secrets.
  if (environmentId === null) return [];
  const rows = await tx.appSecret.findMany({
    where: { appId, environmentId, removedAt: null },
    orderBy: { name: "asc" },
    select: { name: true, version: true },
  });
  return rows.map(({ name, version }) => ({ name, version }));
}
