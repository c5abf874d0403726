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
/**
 * A cluster change is recorded twice (lib/cluster/audited-cluster-call.ts): the intent
 * ("started") before the call, the outcome after it, naming its intent (`intentId`, the
 * intent's event id), so a failure between the two still leaves a record and the
 * activity views fold the pair into one line.
 */
export type ClusterOutcome =
  { result: "started" } | { result: "ok"; intentId?: string } | { result: "failed"; error: string; intentId?: string };

export type AuditPayloads = {
  "team.create": { name: string; namespace: string };
  "team.provision":
    { status: "provisioned"; namespace: string } | { status: "skipped"; reason: string } | { status: "failed"; error: string };
  "membership.grant": { email: string; role: Role; pending: boolean; expiresAt?: string };
  "membership.change": { email: string; from: Role; to: Role };
  "membership.revoke": { email: string; role: Role };
  "app.create": { app: string; imageRepository: string; replicas: number };
  "app.update": { app: string; changed: string[] };
  "app.archive": { app: string };
  "app.unarchive": { app: string };
  "app.restart": { app: string; restartedAt: string; environment?: string } & ClusterOutcome;
  "app.scale": { app: string; from: number; to: number; environment?: string } & ClusterOutcome;
  /**
   * rollbackOf: an earlier release's spec again; reapplyOf: the current release's spec again, over drift;
   * reason: why Slipway started it ("secret DATABASE_URL changed").
   */
  "deploy.request": {
    app: string;
    sequence: number;
    image: string;
    rollbackOf?: number;
    reapplyOf?: number;
    reason?: string;
    environment?: string;
  };
  "deploy.succeeded": { app: string; sequence: number; image: string };
  "deploy.failed": { app: string; sequence: number; image: string; error?: string };
  "token.create": { name: string; prefix: string; expiresAt: string; via: Actor["via"] };
  "token.revoke": { name: string; prefix: string; derivedRevoked?: number };
  "cli.login.approve": { code: string; clientName: string };
  "kubeconfig.issue": {
    role: "viewer" | "deployer";
    serviceAccount: string;
    expiresAt?: string;
    /** What was handed out: a kubeconfig with the token in it (static), or a token for the exec plugin (`slipway kube-token`). */
    form?: "static" | "exec-token";
    environment?: string;
  } & ClusterOutcome;
  "kubeconfig.revoke": { reason: "removed" | "role changed" | "expired" } & ClusterOutcome;
  /** A write made with a person's own kubeconfig, reported by the API server's audit webhook. */
  "kubectl.write": {
    /** Set when the object is one of the team's apps (Deployment, Service or Ingress named like it, or its pods). */
    app?: string;
    verb: string;
    resource: string;
    subresource?: string;
    name?: string;
    namespace: string;
    code: number;
    userAgent?: string;
    serviceAccount: string;
  };
  /** A time-bound grant ran out (actor: none, Slipway did it): back to `to`, or out of the team when null. */
  "membership.expire": { email: string; role: Role; to: Role | null };
  "access.request": { requestId: string; email: string; role: Role; reason: string; hours: number | null };
  /** `role`/`until`: what was granted (possibly less than asked); `from`: the role held before, if any. */
  "access.approve": { requestId: string; email: string; role: Role; until: string | null; requested: Role; from: Role | null };
  "access.deny": { requestId: string; email: string; role: Role; reason: string };
  /** Nobody acted on the request in time (actor: none). */
  "access.request.expire": { requestId: string; email: string; role: Role };
  "team.access.settings": { accessMaxHours: number; previous: number };
  "user.admin": { email: string; admin: boolean; reason: "configuration" };
  /** A secret's name and version only; its value is never recorded. */
  "secret.set": { app: string; name: string; version: number; environment?: string } & ClusterOutcome;
  "secret.unset": { app: string; name: string; version: number; environment?: string } & ClusterOutcome;
  "user.disable": { email: string; disabled: boolean };
  "user.relink": { email: string; previousIssuer: string | null; previousSubject: string | null };
  /** Webhooks: the host only, never the URL (a chat's incoming-webhook URL is itself a secret) nor the signing secret. */
  "webhook.create": { host: string; events: string[]; format: string; active: boolean };
  "webhook.update": { host: string; changed: string[] };
  "webhook.delete": { host: string };
  "webhook.rotate": { host: string };
  "webhook.redeliver": { host: string; delivery: string; eventType: string };
  /** Never the credential: only where the cluster is. */
  "cluster.register": { name: string; server: string };
  /** A team environment and the outcome of provisioning its namespace on its cluster. */
  "environment.create": { environment: string; cluster: string; namespace: string } & ClusterOutcome;
  /** A promotion: release `sequence` in `to` runs release `fromSequence`'s build (pinned by digest) and spec. */
  "deploy.promote": {
    app: string;
    sequence: number;
    image: string;
    digest: string;
    fromSequence: number;
    from: string;
    to: string;
    environment: string;
    awaitingApproval: boolean;
  };
  /** Four eyes: a lead other than the requester let a release waiting for approval run, or refused it. */
  "release.approve": { app: string; sequence: number; image: string; environment: string; requestedBy: string | null };
  "release.reject": { app: string; sequence: number; image: string; environment: string; requestedBy: string | null; reason: string };
  "environment.settings": {
    environment: string;
    requiresApproval: boolean;
    freezeUntil: string | null;
    freezeReason: string | null;
    changed: string[];
  };
  /** A lead deployed into a frozen environment. */
  "environment.freeze.override": {
    app: string;
    sequence: number;
    environment: string;
    frozenUntil: string;
    freezeReason: string | null;
    reason: string;
  };
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
  "app.unarchive": true,
  "app.restart": true,
  "app.scale": true,
  "deploy.request": true,
  "deploy.succeeded": true,
  "deploy.failed": true,
  "token.create": true,
  "token.revoke": true,
  "cli.login.approve": true,
  "kubeconfig.issue": true,
  "kubeconfig.revoke": true,
  "kubectl.write": true,
  "membership.expire": true,
  "access.request": true,
  "access.approve": true,
  "access.deny": true,
  "access.request.expire": true,
  "team.access.settings": true,
  "user.admin": true,
  "user.disable": true,
  "user.relink": true,
  "webhook.create": true,
  "webhook.update": true,
  "webhook.delete": true,
  "webhook.rotate": true,
  "webhook.redeliver": true,
  "cluster.register": true,
  "environment.create": true,
  "secret.set": true,
  "secret.unset": true,
  "deploy.promote": true,
  "release.approve": true,
  "release.reject": true,
  "environment.settings": true,
  "environment.freeze.override": true,
};
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

export type AuditTarget = {
  type: "team" | "user" | "app" | "release" | "token" | "namespace" | "object" | "webhook" | "cluster" | "environment";
  id: string;
};

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
    via: ctx.actor.via,
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
    via: caller.actor.via,
  });
}
