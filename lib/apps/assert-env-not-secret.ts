import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";

/** A plain env var may not take a secret's name: the Deployment would have the variable twice. */
export async function assertEnvNotSecret(tx: Tx, appId: string, env: { name: string }[]): Promise<void> {
  const secrets = await tx.appSecret.findMany({ where: { appId, removedAt: null }, select: { name: true } });
  const taken = new Set(secrets.map((s) => s.name));
  const fieldErrors: FieldErrors = {};
  env.forEach((v, i) => {
    if (taken.has(v.name))
      fieldErrors[`spec.env.${i}.name`] = [`${v.name} is a secret of this app; remove the secret first or pick another name`];
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", `Invalid input. ${Object.values(fieldErrors).flat().join(". ")}.`, { fieldErrors });
  }
}
