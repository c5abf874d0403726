/**
 * POST /api/cluster/audit: kube-apiserver's audit webhook backend (batch mode) posts an
 * audit.k8s.io/v1 EventList here, with the bearer token of its webhook kubeconfig
 * (SLIPWAY_AUDIT_WEBHOOK_TOKEN). Over plain http (the local control plane posting to
 * Slipway on loopback) client-go sends no credentials at all, so there the token is the
 * last path segment instead: POST /api/cluster/audit/<token>. Anything else gets 401. The answer is 200 once the
 * batch is in the log; on an error the API server sends the batch again, and events
 * already recorded are skipped by their auditID.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { json, errorResponse } from "@/lib/adapters/respond";
import { logger } from "@/lib/observability/logger";
import { kubeAuditEventList } from "./kube-audit-event";
import { ingestKubeAuditEvents } from "./ingest-kube-audit-events";

const MAX_BODY_BYTES = 16 * 1024 * 1024;

function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function authorized(request: Request, pathToken: string | undefined, expected: string | undefined): boolean {
  const header = request.headers.get("authorization");
  const bearer = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
  return sameSecret(bearer, expected) || sameSecret(pathToken, expected);
}

const refused = (status: number, code: string, message: string) => json({ error: { code, message } }, status);

export async function handleAuditWebhook(request: Request, options: { token?: string; pathToken?: string } = {}): Promise<Response> {
  const requestId = randomUUID();
  if (!authorized(request, options.pathToken, options.token ?? env.SLIPWAY_AUDIT_WEBHOOK_TOKEN)) {
    return refused(401, "UNAUTHENTICATED", "The audit webhook needs its bearer token.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return refused(413, "INVALID_INPUT", "The batch is too large.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return refused(400, "INVALID_INPUT", "The body is not JSON.");
  }
  const list = kubeAuditEventList.safeParse(body);
  if (!list.success) return refused(400, "INVALID_INPUT", "Expected an audit.k8s.io/v1 EventList.");
  try {
    const result = await ingestKubeAuditEvents(list.data.items);
    if (result.recorded > 0) logger.info({ requestId, ...result }, "cluster audit: recorded kubectl writes");
    return json(result);
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
