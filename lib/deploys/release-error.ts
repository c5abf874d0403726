import { isAppError } from "@/lib/errors";
import { isK8sError } from "@/lib/k8s";
import { logger } from "@/lib/observability/logger";

/** A release's error text: the cluster's or Slipway's own message, or a generic one for a bug (logged). */
export function describeReleaseError(error: unknown): string {
  if (isK8sError(error) || isAppError(error)) return error.message;
  logger.error({ err: error }, "release runner: unexpected error");
  return "Slipway hit an unexpected error while deploying; it has been logged.";
}
