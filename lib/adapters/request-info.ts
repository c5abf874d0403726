import { randomUUID } from "node:crypto";
import type { RequestInfo } from "@/lib/authz/actor";
import { requestClientIp } from "@/lib/http/request-peer";

/**
 * Request id (the caller's x-request-id when it is sane, else a new one) and client IP
 * (the socket's peer, or what trusted proxies forwarded: lib/http/client-ip.ts).
 */
export function requestInfo(headers: Headers): Required<Pick<RequestInfo, "id">> & RequestInfo {
  const given = headers.get("x-request-id");
  const id = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  return { id, ip: requestClientIp(headers) };
}
