import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_CLUSTER_NAME } from "./cluster.types";

/** A cluster by name: null id for the built-in default. */
export async function findClusterId(name: string, field = "cluster"): Promise<{ id: string | null; name: string }> {
  if (name === DEFAULT_CLUSTER_NAME) return { id: null, name };
  const row = await db().cluster.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!row)
    throw new AppError("NOT_FOUND", `No cluster named "${name}" is registered.`, {
      fieldErrors: { [field]: ["is not a registered cluster"] },
    });
  return row;
}
