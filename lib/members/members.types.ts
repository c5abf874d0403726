import { z } from "zod";
import { email, role } from "@/lib/validation/fields";

export const addMemberSchema = z.object({ email, role });
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const changeMemberRoleSchema = z.object({ userId: z.uuid("must be a user id"), role });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ userId: z.uuid("must be a user id") });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;
