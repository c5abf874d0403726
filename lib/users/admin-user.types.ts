import { z } from "zod";
import { dateTime } from "@/lib/validation/wire";

/** What platform admins see of a person: never their tokens. */
export const adminUserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  isPlatformAdmin: z.boolean(),
  disabledAt: dateTime.nullable(),
  lastLoginAt: dateTime.nullable(),
  createdAt: dateTime,
});

export const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  issuer: true,
  subject: true,
  isPlatformAdmin: true,
  disabledAt: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export const userIdParam = z.object({ userId: z.uuid("must be a user id") });
