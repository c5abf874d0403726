import type { AnyTeamContext } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import { readLogPod, type TeamClient } from "@/lib/k8s";

/**
 * The app's pod and the container whose log is asked for. A pod of another app (or none
 * of Slipway's) is refused even though the team token could read it: the log is read
 * under this app's name, and the page, the audit trail and people's expectations follow that.
 */
export async function findAppPod(
  ctx: AnyTeamContext,
  team: TeamClient,
  namespace: string,
  app: { name: string },
  pod: string,
  container: string | undefined,
): Promise<{ pod: string; container: string }> {
  const found = await readLogPod(team, namespace, pod);
  if (!found) {
    throw new AppError("NOT_FOUND", `There is no pod "${pod}" in ${ctx.team.name}; it may have been replaced, so pick one again.`, {
      fieldErrors: { pod: ["no such pod"] },
    });
  }
  if (found.app !== app.name) {
    throw new AppError("INVALID_INPUT", `Pod "${pod}" does not belong to app ${app.name}.`, {
      fieldErrors: { pod: [`is not a pod of ${app.name}`] },
    });
  }
  const chosen = container ?? found.containers[0];
  if (!chosen || !found.containers.includes(chosen)) {
    throw new AppError("INVALID_INPUT", `Pod "${pod}" has no container "${container}"; it has ${found.containers.join(", ") || "none"}.`, {
      fieldErrors: { container: [`must be one of: ${found.containers.join(", ")}`] },
    });
  }
  return { pod, container: chosen };
}
