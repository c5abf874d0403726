import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { findClusterId } from "@/lib/clusters/find-cluster";
import { DEFAULT_CLUSTER_NAME } from "@/lib/clusters/cluster.types";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { provisionTeam, toK8sError } from "@/lib/k8s";
import { requireClusterFor } from "@/lib/platform-cluster";
import { teamIngressDomains } from "./ingress-domains";
import { teamUseCase } from "@/lib/usecase/define";
import { createEnvironmentInput, environmentView, namespaceForEnvironment } from "@/lib/environments/environment.types";
import { FIRST_ENVIRONMENT_NAME, teamEnvironments, viewOfEnvironment } from "@/lib/environments/team-environments";

/**
 * Leads add an environment: a namespace `team-<slug>-<env>` on the chosen cluster (the
 * default one unless named), provisioned with the platform credential of that cluster by
 * the same code as a team's first namespace (ServiceAccounts, RoleBindings, quota,
 * limits). The environment is saved only once its namespace is ready; the outcome,
 * success or failure, is audited. Provisioning is idempotent, so a failed attempt can be
 * made again as it is.
 */
export const createEnvironment = teamUseCase({
  name: "createEnvironment",
  summary: "Add an environment: a namespace on a cluster (default: the built-in one), provisioned like the team's first (leads)",
  permissions: ["environment.create"],
  input: createEnvironmentInput,
  output: environmentView,
  route: { method: "POST", path: "/teams/{team}/environments", status: 201 },
  async run({ ctx, input }) {
    const existing = await teamEnvironments(ctx.team);
    if (existing.some((environment) => environment.name === input.name)) {
      throw new AppError("CONFLICT", `${ctx.team.name} already has an environment "${input.name}".`, {
        fieldErrors: { name: ["is taken"] },
      });
    }
    const cluster = await findClusterId(input.cluster ?? DEFAULT_CLUSTER_NAME);
    const namespace = namespaceForEnvironment(ctx.team.slug, input.name);
    if (namespace.length > 63) {
      throw new AppError("INVALID_INPUT", `The namespace ${namespace} would be longer than 63 characters.`, {
        fieldErrors: { name: [`must be at most ${63 - namespaceForEnvironment(ctx.team.slug, "").length} characters for this team`] },
      });
    }
    const event = { target: { type: "environment" as const, id: input.name } };
    const details = { environment: input.name, cluster: cluster.name, namespace };
    const platform = await requireClusterFor(cluster.id);
    try {
      await provisionTeam(platform, {
        slug: ctx.team.slug,
        namespace,
        ingressDomains: teamIngressDomains(ctx.team.slug, env.SLIPWAY_INGRESS_DOMAIN),
      });
    } catch (error) {
      const failure = toK8sError(error, { namespace, cluster: cluster.name });
      await db().$transaction((tx) =>
        recordTeamEvent(tx, ctx, "environment.create", { ...event, data: { ...details, result: "failed", error: failure.message } }),
      );
      throw failure;
    }
    try {
      const created = await db().$transaction(async (tx) => {
        // A team made before environments existed keeps its namespace as the first (default) one.
        if (existing[0]!.id === null) {
          await tx.environment.create({ data: { teamId: ctx.team.id, name: FIRST_ENVIRONMENT_NAME, namespace: ctx.team.namespace } });
        }
        const row = await tx.environment.create({
          data: { teamId: ctx.team.id, name: input.name, clusterId: cluster.id, namespace, createdById: ctx.actor.id },
        });
        await recordTeamEvent(tx, ctx, "environment.create", { ...event, data: { ...details, result: "ok" } });
        return row;
      });
      return viewOfEnvironment({ ...created, clusterName: cluster.name, isDefault: false });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError("CONFLICT", `${ctx.team.name} already has an environment "${input.name}".`, {
          fieldErrors: { name: ["is taken"] },
        });
      }
      throw error;
    }
  },
});
