import { z } from "zod";
import { email, role } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";

export const memberView = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role,
  pending: z.boolean(),
  grantedAt: dateTime,
  grantedBy: z.string().nullable(),
});
export type MemberView = z.output<typeof memberView>;

export const addMemberInput = z.object({ email, role });
export const memberParam = z.object({ userId: z.uuid("must be a user id") });
