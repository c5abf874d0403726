import { randomUUID } from "node:crypto";
import type { RequestInfo } from "@/lib/authz/actor";

/**
 * Request id (the caller's x-request-id when it is sane, else a new one) and client IP
 * as reported by the proxy in front of Slipway (x-forwarded-for's first entry).
 */
export function requestInfo(headers: Headers): Required<Pick<RequestInfo, "id">> & RequestInfo {
  const given = headers.get("x-request-id");
  const id = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  const ip = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || undefined;
  return { id, ip: ip?.slice(0, 64) };
}
