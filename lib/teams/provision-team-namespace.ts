import { db } from "@/lib/db";
import type { Actor, RequestInfo } from "@/lib/authz/actor";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { platformCluster } from "@/lib/cluster/platform-cluster";
import { provisionTeam, toK8sError } from "@/lib/k8s";

import type { ProvisioningOutcome } from "./team.types";

/**
 * Creates or updates the team's namespace, ServiceAccounts, RoleBindings, quota and
 * limits (idempotent server-side apply) and records the outcome, success or failure.
 */
export async function provisionTeamNamespace(options: {
  actor: Actor;
  request: RequestInfo;
  team: { id: string; slug: string; namespace: string };
}): Promise<ProvisioningOutcome> {
  const { team } = options;
  let outcome: ProvisioningOutcome;
  const cluster = platformCluster();
  if (!cluster) {
    outcome = { status: "skipped", reason: "no cluster is configured" };
  } else {
    try {
      await provisionTeam(cluster, { slug: team.slug, namespace: team.namespace });
      outcome = { status: "provisioned", namespace: team.namespace };
    } catch (error) {
      outcome = { status: "failed", error: toK8sError(error, { namespace: team.namespace }).message };
    }
  }
  await db().$transaction((tx) =>
    recordActorEvent(tx, options, "team.provision", { teamId: team.id, target: { type: "namespace", id: team.namespace }, data: outcome }),
  );
  return outcome;
}
