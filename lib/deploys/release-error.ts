import { AppError } from "@/lib/errors";
import { isK8sError } from "@/lib/k8s";

/** A release's error text: the cluster's or Slipway's own message, or a generic one for a bug (logged). */
export function describeReleaseError(error: unknown): string {
  if (isK8sError(error) || error instanceof AppError) return error.message;
  console.error("release runner: unexpected error", error);
  return "Slipway hit an unexpected error while deploying; it has been logged.";
}
