import { z } from "zod";
import { dnsLabel, email, role } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";

export const createTeamInput = z.object({
  // The namespace is "team-<slug>", and namespaces are at most 63 characters.
  slug: dnsLabel(40),
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  leadEmail: z.preprocess((value) => (value === "" ? undefined : value), email.optional()),
});

export type CreateTeamInput = z.infer<typeof createTeamInput>;

export const namespaceForTeam = (slug: string) => `team-${slug}`;

export const provisioningOutcome = z.discriminatedUnion("status", [
  z.object({ status: z.literal("provisioned"), namespace: z.string() }),
  z.object({ status: z.literal("skipped"), reason: z.string() }),
  z.object({ status: z.literal("failed"), error: z.string() }),
]);
export type ProvisioningOutcome = z.output<typeof provisioningOutcome>;

export const teamRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), namespace: z.string() });

export const teamSummary = z.object({
  slug: z.string(),
  name: z.string(),
  namespace: z.string(),
  role: role.nullable(),
  memberCount: z.number().int(),
});

export const createdTeam = z.object({
  team: teamRef.extend({ createdAt: dateTime }),
  provisioning: provisioningOutcome,
});
