import type { AppSpecInput } from "@/lib/apps/app-spec.types";

/** A secret as a release runs with it: its name and version, never its value. */
export type SecretRef = { name: string; version: number };

/** What a release froze: the image, every setting the Deployment was built from, and the secret versions. */
export type ReleaseSpec = Omit<AppSpecInput, "name"> & { image: string; secrets?: SecretRef[] };

export function releaseSpec(app: AppSpecInput, image: string, secrets?: SecretRef[]): ReleaseSpec {
  const { name: _name, ...settings } = app;
  return { ...settings, image, ...(secrets ? { secrets } : {}) };
}

/** `summary` reads as a sentence where the field alone would not ("DATABASE_URL changed (v3 → v4)"). */
export type SpecChange = { field: string; before: unknown; after: unknown; summary?: string };

function secretSummary(name: string, before: unknown, after: unknown): string {
  if (before === undefined) return `${name} added (${String(after)})`;
  if (after === undefined) return `${name} removed (was ${String(before)})`;
  return `${name} changed (${String(before)} → ${String(after)})`;
}

/** Field-by-field difference between two releases' specs (env compared by variable). */
export function diffSpecs(before: ReleaseSpec | null, after: ReleaseSpec): SpecChange[] {
  const changes: SpecChange[] = [];
  const flat = (spec: ReleaseSpec | null): Record<string, unknown> => {
    if (!spec) return {};
    const { env, resources, secrets, ...rest } = spec;
    const out: Record<string, unknown> = { ...rest };
    for (const v of env ?? []) out[`env.${v.name}`] = v.value;
    for (const s of secrets ?? []) out[`secret.${s.name}`] = `v${s.version}`;
    for (const [kind, amounts] of Object.entries(resources ?? {})) {
      for (const [resource, value] of Object.entries(amounts ?? {})) out[`resources.${kind}.${resource}`] = value;
    }
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (JSON.stringify(a[field]) === JSON.stringify(b[field])) continue;
    const secret = field.startsWith("secret.") ? field.slice("secret.".length) : null;
    changes.push({ field, before: a[field], after: b[field], ...(secret ? { summary: secretSummary(secret, a[field], b[field]) } : {}) });
  }
  return changes;
}
