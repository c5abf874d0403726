/**
 * An app's secret values live in one Kubernetes Secret in the team namespace
 * (`<app>-slipway-secrets`), written with the team token. Slipway never reads it back:
 * each key is server-side applied by its own field manager (`slipway-secret-<NAME>`),
 * so setting one key needs no other value, and applying that manager with no key
 * removes the key (the field is no longer owned by anyone).
 */
import type { TeamClient } from "./client";
import { FIELD_MANAGER, LABELS, appSecretName } from "./manifests";
import { applyPatchOptions } from "./ssa";

function secretBody(namespace: string, team: string, app: string, data: Record<string, string>) {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name: appSecretName(app),
      namespace,
      labels: { [LABELS.managedBy]: FIELD_MANAGER, [LABELS.team]: team, [LABELS.app]: app },
    },
    type: "Opaque",
    data,
  };
}

function keyManager(key: string): string {
  return `${FIELD_MANAGER}-secret-${key}`;
}

type Where = { namespace: string; team: string; app: string };

/** Sets (or replaces) one key; the answer is dropped, since it carries the values. */
export async function applySecretValue(client: TeamClient, where: Where, key: string, value: string): Promise<void> {
  const name = appSecretName(where.app);
  const body = secretBody(where.namespace, where.team, where.app, { [key]: Buffer.from(value, "utf8").toString("base64") });
  await client.call({ verb: "apply", kind: "Secret", namespace: where.namespace, name }, async () => {
    await client.core.patchNamespacedSecret(
      { name, namespace: where.namespace, body, fieldManager: keyManager(key), force: true },
      applyPatchOptions(),
    );
  });
}

/** Removes one key: its manager applies the Secret without it. */
export async function removeSecretValue(client: TeamClient, where: Where, key: string): Promise<void> {
  const name = appSecretName(where.app);
  const body = secretBody(where.namespace, where.team, where.app, {});
  await client.call({ verb: "apply", kind: "Secret", namespace: where.namespace, name }, async () => {
    await client.core.patchNamespacedSecret(
      { name, namespace: where.namespace, body, fieldManager: keyManager(key), force: true },
      applyPatchOptions(),
    );
  });
}
