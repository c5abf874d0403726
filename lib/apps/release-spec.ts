import type { AppSpecInput } from "@/lib/apps/app-spec.types";

/** What a release froze: the image and every setting the Deployment was built from. */
export type ReleaseSpec = Omit<AppSpecInput, "name"> & { image: string };

export function releaseSpec(app: AppSpecInput, image: string): ReleaseSpec {
  const { name: _name, ...settings } = app;
  return { ...settings, image };
}

export type SpecChange = { field: string; before: unknown; after: unknown };

/** Field-by-field difference between two releases' specs (env compared by variable). */
export function diffSpecs(before: ReleaseSpec | null, after: ReleaseSpec): SpecChange[] {
  const changes: SpecChange[] = [];
  const flat = (spec: ReleaseSpec | null): Record<string, unknown> => {
    if (!spec) return {};
    const { env, resources, ...rest } = spec;
    const out: Record<string, unknown> = { ...rest };
    for (const v of env ?? []) out[`env.${v.name}`] = v.value;
    for (const [kind, amounts] of Object.entries(resources ?? {})) {
      for (const [resource, value] of Object.entries(amounts ?? {})) out[`resources.${kind}.${resource}`] = value;
    }
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) changes.push({ field, before: a[field], after: b[field] });
  }
  return changes;
}
