import { z } from "zod";
import { dnsLabel, email } from "@/lib/validation/fields";

export const createTeamSchema = z.object({
  // The namespace is "team-<slug>", and namespaces are at most 63 characters.
  slug: dnsLabel(40),
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  leadEmail: z.preprocess((value) => (value === "" ? undefined : value), email.optional()),
});

export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const namespaceForTeam = (slug: string) => `team-${slug}`;
