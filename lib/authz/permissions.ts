/**
 * The one permission table: what each team role may do. Platform admins may do
 * everything (and it is audited as them). Nothing else in the code compares roles.
 * Every permission here is required by some use-case's descriptor. Reading the audit
 * log is not one: anyone sees the events of the teams they belong to (the query
 * itself is scoped; lib/audit/query-audit-events.ts).
 */
import type { Role } from "@/lib/generated/prisma/enums";

const ALL: readonly Role[] = ["VIEWER", "DEPLOYER", "LEAD"];
const WRITERS: readonly Role[] = ["DEPLOYER", "LEAD"];
const LEADS: readonly Role[] = ["LEAD"];

export const TEAM_PERMISSIONS = {
  "team.read": ALL,
  "member.grant": LEADS,
  "app.read": ALL,
  "app.create": WRITERS,
  "app.update": WRITERS,
  "app.archive": LEADS,
  "app.deploy": WRITERS,
  "app.restart": WRITERS,
  "app.scale": WRITERS,
  "secret.write": WRITERS,
  "kubeconfig.issue": ALL,
  "webhook.manage": LEADS,
  "environment.create": LEADS,
  "access.approve": LEADS,
  "environment.manage": LEADS,
  "release.approve": LEADS,
} as const satisfies Record<string, readonly Role[]>;

export type TeamPermission = keyof typeof TEAM_PERMISSIONS;

export const ROLE_LABELS: Record<Role, string> = { LEAD: "Lead", DEPLOYER: "Deployer", VIEWER: "Viewer" };

export function roleAllows(role: Role | null, permission: TeamPermission): boolean {
  return role !== null && (TEAM_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The least role that has `permission`, for "you need to be a Deployer" messages. */
export function leastRoleFor(permission: TeamPermission): Role {
  return (["VIEWER", "DEPLOYER", "LEAD"] as const).find((role) => roleAllows(role, permission))!;
}
