/**
 * Every kind of event the audit log holds, with the shape of its data: one typed map,
 * so a use-case cannot record `app.scale` without saying from and to. Add here first
 * (the column is free text; old rows keep the shape they were written with).
 */
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { recordAuditEvent } from "./record-audit-event";

/** How a call to the cluster ended; recorded on every event that made one. */
export type ClusterOutcome = { result: "ok" } | { result: "failed"; error: string };

export type AuditPayloads = {
  "team.create": { name: string; namespace: string };
  "team.provision":
    { status: "provisioned"; namespace: string } | { status: "skipped"; reason: string } | { status: "failed"; error: string };
  "membership.grant": { email: string; role: Role; pending: boolean };
  "membership.change": { email: string; from: Role; to: Role };
  "membership.revoke": { email: string; role: Role };
  "app.create": { app: string; imageRepository: string; replicas: number };
  "app.update": { app: string; changed: string[] };
  "app.archive": { app: string };
  "app.restart": { app: string; restartedAt: string } & ClusterOutcome;
  "app.scale": { app: string; from: number; to: number } & ClusterOutcome;
  "deploy.request": { app: string; sequence: number; image: string; rollbackOf?: number };
  "deploy.succeeded": { app: string; sequence: number; image: string };
  "deploy.failed": { app: string; sequence: number; image: string; error?: string };
  "token.create": { name: string; prefix: string; expiresAt: string; via: Actor["via"] };
  "token.revoke": { name: string; prefix: string; derivedRevoked?: number };
  "kubeconfig.issue": { role: "viewer" | "deployer"; serviceAccount: string; expiresAt?: string } & ClusterOutcome;
  "kubeconfig.revoke": { reason: "removed" | "role changed" } & ClusterOutcome;
  "user.admin": { email: string; admin: boolean; reason: "configuration" };
  "user.disable": { email: string; disabled: boolean };
  "user.relink": { email: string; previousIssuer: string | null; previousSubject: string | null };
};

export type AuditAction = keyof AuditPayloads;

const ACTIONS: Record<AuditAction, true> = {
  "team.create": true,
  "team.provision": true,
  "membership.grant": true,
  "membership.change": true,
  "membership.revoke": true,
  "app.create": true,
  "app.update": true,
  "app.archive": true,
  "app.restart": true,
  "app.scale": true,
  "deploy.request": true,
  "deploy.succeeded": true,
  "deploy.failed": true,
  "token.create": true,
  "token.revoke": true,
  "kubeconfig.issue": true,
  "kubeconfig.revoke": true,
  "user.admin": true,
  "user.disable": true,
  "user.relink": true,
};
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

export type AuditTarget = { type: "team" | "user" | "app" | "release" | "token" | "namespace"; id: string };

/** Records an event about a team, by the context's actor, in the caller's transaction. */
export function recordTeamEvent<A extends AuditAction>(
  tx: Tx,
  ctx: AnyTeamContext,
  action: A,
  event: { target: AuditTarget; data: AuditPayloads[A] },
) {
  return recordAuditEvent({
    tx,
    actor: ctx.actor,
    action,
    teamId: ctx.team.id,
    target: event.target,
    data: event.data,
    request: ctx.request,
  });
}

/** Records an event by a person about their own things (tokens) or the platform (teams). */
export function recordActorEvent<A extends AuditAction>(
  tx: Tx,
  caller: { actor: Actor; request: RequestInfo },
  action: A,
  event: { teamId?: string; target: AuditTarget; data: AuditPayloads[A] },
) {
  return recordAuditEvent({
    tx,
    actor: caller.actor,
    action,
    teamId: event.teamId,
    target: event.target,
    data: event.data,
    request: caller.request,
  });
}
