import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { role } from "@/lib/validation/fields";
export { grantHours, hoursFromNow } from "@/lib/validation/grant-hours";
import { dateTime } from "@/lib/validation/wire";

/** A pending request nobody acts on expires after this long. */
export const PENDING_REQUEST_HOURS = 72;

const RANK: Record<Role, number> = { VIEWER: 1, DEPLOYER: 2, LEAD: 3 };
export const roleRank = (value: Role | null): number => (value ? RANK[value] : 0);

export const reasonText = z.string({ error: "is required" }).trim().min(1, "is required").max(500, "must be at most 500 characters");

export const requestId = z.uuid("must be an access request id");

export const accessRequestView = z.object({
  id: z.uuid(),
  team: z.string(),
  requester: z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable() }),
  role,
  reason: z.string(),
  hours: z.number().int().nullable(),
  status: z.enum(["PENDING", "APPROVED", "DENIED", "EXPIRED"]),
  createdAt: dateTime,
  expiresAt: dateTime,
  decidedBy: z.string().nullable(),
  decidedAt: dateTime.nullable(),
  decisionReason: z.string().nullable(),
  grantedRole: role.nullable(),
  grantedUntil: dateTime.nullable(),
});
export type AccessRequestView = z.output<typeof accessRequestView>;

export const accessRequestSelect = {
  id: true,
  role: true,
  reason: true,
  hours: true,
  status: true,
  createdAt: true,
  expiresAt: true,
  decidedAt: true,
  decisionReason: true,
  grantedRole: true,
  grantedUntil: true,
  team: { select: { slug: true } },
  requester: { select: { id: true, email: true, name: true } },
  decidedBy: { select: { email: true } },
} as const;

type Row = {
  id: string;
  role: Role;
  reason: string;
  hours: number | null;
  status: AccessRequestView["status"];
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  grantedRole: Role | null;
  grantedUntil: Date | null;
  team: { slug: string };
  requester: { id: string; email: string; name: string | null };
  decidedBy: { email: string } | null;
};

/** A pending request past its deadline reads as expired even before the sweep marks it. */
export function toAccessRequestView(row: Row, now = new Date()): AccessRequestView {
  const { team, decidedBy, ...rest } = row;
  const status = rest.status === "PENDING" && rest.expiresAt <= now ? "EXPIRED" : rest.status;
  return { ...rest, status, team: team.slug, decidedBy: decidedBy?.email ?? null };
}
