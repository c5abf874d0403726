import { AppError } from "@/lib/errors";
import { hasClusterStatus } from "@/lib/k8s";

/** A cluster 404 on the app's Deployment means it was never deployed (or was removed): say so, not the API server's words. */
export function explainNotDeployed(app: string, doing: string) {
  return (error: unknown): never => {
    if (hasClusterStatus(error, 404)) {
      throw new AppError(
        "CONFLICT",
        `${app} is not running in the cluster (it has not been deployed yet), so there is nothing to ${doing}. Deploy it first.`,
        {
          cause: error,
        },
      );
    }
    throw error;
  };
}
