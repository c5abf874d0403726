import { db } from "@/lib/db";
import { recordActorEvent } from "@/lib/audit/audit-events";
import { sealSecret } from "@/lib/crypto/secret-box";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { adminUseCase } from "@/lib/usecase/define";
import { clusterSelect, clusterView, registerClusterInput, viewOfCluster } from "./cluster.types";

/**
 * Platform admins register a cluster with Slipway's credential for it (a token bound to
 * the slipway-platform ClusterRole of deploy/rbac.yaml). The token is stored encrypted
 * (lib/crypto/secret-box.ts) and never leaves Slipway again: not in answers, logs or the audit log.
 */
export const registerCluster = adminUseCase({
  name: "registerCluster",
  summary:
    "Register a cluster with the platform credential for it (platform admins); the credential is stored encrypted and never returned",
  input: registerClusterInput,
  output: clusterView,
  route: { method: "POST", path: "/admin/clusters", status: 201 },
  async run({ ctx, input }) {
    const credentialCiphertext = sealSecret(input.token);
    try {
      const row = await db().$transaction(async (tx) => {
        const created = await tx.cluster.create({
          data: { name: input.name, server: input.server, caData: input.caData ?? null, credentialCiphertext, createdById: ctx.actor.id },
          select: clusterSelect,
        });
        await recordActorEvent(tx, ctx, "cluster.register", {
          target: { type: "cluster", id: created.name },
          data: { name: created.name, server: created.server },
        });
        return created;
      });
      return viewOfCluster(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError("CONFLICT", `A cluster named "${input.name}" is already registered.`, { fieldErrors: { name: ["is taken"] } });
      }
      throw error;
    }
  },
});
