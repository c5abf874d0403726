/**
 * Appends the API server's audit events for kubectl writes (./kube-audit-event.ts) to
 * Slipway's hash-chained log, attributed to the person whose ServiceAccount made them.
 *
 * The ServiceAccount name is a hash of the person's id (lib/k8s/person-access.ts), so
 * the person is found by hashing the ids of the namespace's team members and platform
 * admins (both may download a kubeconfig). The API server's auditID is unique in the
 * log: a webhook batch sent again (batch mode retries) appends nothing twice.
 */
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isUniqueViolation } from "@/lib/db-errors";
import { personServiceAccountName } from "@/lib/k8s";
import { appOfWrite, personWrites, type KubeWrite } from "./kube-audit-event";

export type IngestResult = { received: number; recorded: number; duplicates: number; ignored: number };

type TeamView = { id: string; apps: string[]; people: Map<string, { id: string; email: string }> };

async function teamOfNamespace(namespace: string): Promise<TeamView | null> {
  // The webhook is the default cluster's API server: the team's own namespace, or one of its environments there.
  const team = await db().team.findFirst({
    where: { OR: [{ namespace }, { environments: { some: { namespace, clusterId: null } } }] },
    select: {
      id: true,
      apps: { select: { name: true } },
      memberships: { select: { user: { select: { id: true, email: true } } } },
    },
  });
  if (!team) return null;
  const admins = await db().user.findMany({ where: { isPlatformAdmin: true }, select: { id: true, email: true } });
  const people = new Map<string, { id: string; email: string }>();
  for (const person of [...team.memberships.map((m) => m.user), ...admins]) people.set(personServiceAccountName(person.id), person);
  return { id: team.id, apps: team.apps.map((a) => a.name), people };
}

export async function ingestKubeAuditEvents(items: unknown[]): Promise<IngestResult> {
  const writes = personWrites(items);
  const result: IngestResult = { received: items.length, recorded: 0, duplicates: 0, ignored: items.length - writes.length };
  const teams = new Map<string, Promise<TeamView | null>>();
  for (const write of writes) {
    let team = teams.get(write.namespace);
    if (!team) teams.set(write.namespace, (team = teamOfNamespace(write.namespace)));
    const view = await team;
    if (!view) {
      result.ignored += 1;
      continue;
    }
    if (await recordWrite(view, write)) result.recorded += 1;
    else result.duplicates += 1;
  }
  return result;
}

async function recordWrite(team: TeamView, write: KubeWrite): Promise<boolean> {
  const person = team.people.get(write.serviceAccount) ?? null;
  const app = appOfWrite(write, team.apps);
  const { auditId, ...details } = write;
  try {
    return await db().$transaction(async (tx) => {
      const seen = await tx.auditEvent.findUnique({ where: { clusterAuditId: auditId }, select: { id: true } });
      if (seen) return false;
      await recordAuditEvent({
        tx,
        actor: person,
        action: "kubectl.write",
        teamId: team.id,
        target: { type: "object", id: `${write.resource}${write.subresource ? `/${write.subresource}` : ""}/${write.name ?? ""}` },
        data: { ...(app ? { app } : {}), ...details },
        via: "kubectl",
        clusterAuditId: auditId,
      });
      return true;
    });
  } catch (error) {
    // The same batch raced in twice (two replicas): the other one recorded it.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
