import { z } from "zod";
import { dnsLabel } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";

/** Environment names are part of the default namespace, `team-<slug>-<env>`. */
export const environmentName = dnsLabel(20);

/** The optional `environment` field of every per-environment operation: the team's first environment when left out. */
export const environmentField = z.object({
  environment: z.preprocess((value) => (value === "" || value === null ? undefined : value), environmentName.optional()),
});

export const environmentView = z.object({
  name: z.string(),
  cluster: z.string(),
  namespace: z.string(),
  /** The team's first environment: where calls without `environment` go. */
  default: z.boolean(),
  /** Deploys and promotions here wait for a lead other than the requester. */
  requiresApproval: z.boolean().optional(),
  /** Deploys and promotions are refused until then (null: not frozen), unless a lead overrides. */
  freezeUntil: dateTime.nullable().optional(),
  freezeReason: z.string().nullable().optional(),
});
export type EnvironmentView = z.output<typeof environmentView>;

export const createEnvironmentInput = z.object({
  name: environmentName,
  cluster: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(63, "must be at most 63 characters").optional()),
});

export const namespaceForEnvironment = (slug: string, environment: string) => `team-${slug}-${environment}`;
