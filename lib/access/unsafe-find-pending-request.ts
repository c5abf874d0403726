import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { accessRequestSelect } from "./access-request.types";

/**
 * The request a lead decides on, under the team's lock (unsafeLockTeam), so a second
 * decision sees the first. Refuses one already decided or past its deadline, even if
 * the sweep has not marked it yet. No access check: callers have one.
 */
export async function unsafeFindPendingRequest(tx: Tx, teamId: string, requestId: string) {
  const request = await tx.accessRequest.findFirst({
    where: { id: requestId, teamId },
    select: { ...accessRequestSelect, teamId: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "No such access request in this team.");
  if (request.status !== "PENDING") {
    throw new AppError("CONFLICT", `This request was already ${request.status.toLowerCase()}.`);
  }
  if (request.expiresAt <= new Date()) {
    throw new AppError(
      "CONFLICT",
      `This request expired on ${request.expiresAt.toISOString()} because nobody answered it in time; ${request.requester.email} can ask again.`,
    );
  }
  return request;
}
