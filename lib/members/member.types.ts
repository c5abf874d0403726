import { z } from "zod";
import { email, role } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";
import { grantHours } from "@/lib/validation/grant-hours";

export const memberView = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role,
  pending: z.boolean(),
  grantedAt: dateTime,
  grantedBy: z.string().nullable(),
  /** A time-bound grant: when it ends, and what it returns to then (null: out of the team). */
  expiresAt: dateTime.nullable(),
  expiresTo: role.nullable(),
});
export type MemberView = z.output<typeof memberView>;

export const addMemberInput = z.object({ email, role, hours: grantHours });
export const memberParam = z.object({ userId: z.uuid("must be a user id") });
