/**
 * Slipway's install manifests (deploy/*.yaml) as objects: read by the unit test of their
 * invariants and by the k8s test that has the API server dry-run them.
 */
import fs from "node:fs";
import path from "node:path";
import type { KubernetesObject } from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";

export const DEPLOY_DIR = path.resolve(import.meta.dirname, "../../deploy");

/** Every file in deploy/, in the order README.md's install applies them. */
export const INSTALL_ORDER = [
  "rbac.yaml",
  "admission-policies.yaml",
  "namespace.yaml",
  "slipway-policy.yaml",
  "config.yaml",
  "migrate.yaml",
  "slipway.yaml",
  "ingress.yaml",
];

export type Manifest = { file: string; object: KubernetesObject };

export function loadManifests(): Manifest[] {
  return INSTALL_ORDER.flatMap((file) => {
    const documents = parseAllDocuments(fs.readFileSync(path.join(DEPLOY_DIR, file), "utf8"));
    return documents.map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
      return { file, object: document.toJS() as KubernetesObject };
    });
  });
}

/** The one object of this kind and name; throws when there is none or more than one. */
export function findManifest<T extends KubernetesObject>(manifests: Manifest[], kind: string, name: string): T {
  const found = manifests.filter(({ object }) => object.kind === kind && object.metadata?.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name} in deploy/, found ${found.length}`);
  return found[0]!.object as T;
}
