import type { Tx } from "@/lib/db";
import type { SecretRef } from "@/lib/apps/release-spec";

/** The app's secrets that are set, by name, with their versions: what a release made now runs with. */
export async function currentSecretRefs(tx: Tx, appId: string): Promise<SecretRef[]> {
  const rows = await tx.appSecret.findMany({
    where: { appId, removedAt: null },
    orderBy: { name: "asc" },
    select: { name: true, version: true },
  });
  return rows.map(({ name, version }) => ({ name, version }));
}
