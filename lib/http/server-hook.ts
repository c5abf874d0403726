/**
 * A hook on Node's HTTP server, installed once from instrumentation.ts, that sees each
 * request before Next.js does. It works the same under `next start`, `next dev` and the
 * standalone server.js, since all of them create a plain http.Server in this process.
 *
 * - It runs the rest of the request inside request-peer.ts's AsyncLocalStorage, holding
 *   the socket's address (Next.js passes on no socket) and when the request arrived.
 * - It hands requests to Next.js in arrival order, a bounded number at a time
 *   (admission.ts), except health checks, metrics and static files, which never wait.
 * - It answers TRACE with 405: Next.js builds a fetch Request for every request, which
 *   throws for TRACE, so Next would answer 500 before proxy.ts could refuse it. (TRACK
 *   and CONNECT never reach here: Node answers TRACK 400 and closes CONNECT.)
 */
import http from "node:http";
import https from "node:https";
import { STATIC_SECURITY_HEADERS } from "./security-headers";
import { peerStorage } from "./request-peer";
import { AdmissionQueue } from "./admission";
import { env } from "@/lib/env";

const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

const INSTALLED = Symbol.for("slipway.serverHook");

/** Liveness and readiness probes, metrics scrapes and static files skip the admission queue. */
const NEVER_WAITS = /^\/(api\/healthz|api\/readyz|metrics|_next\/static\/|favicon)/;

const QUEUE = Symbol.for("slipway.admissionQueue");
const globals = globalThis as typeof globalThis & { [QUEUE]?: AdmissionQueue };

/** This process's queue (on globalThis: one for the whole server, whichever bundle asks). */
export function admission(): AdmissionQueue {
  return (globals[QUEUE] ??= new AdmissionQueue(env.SLIPWAY_MAX_CONCURRENT_REQUESTS, env.SLIPWAY_REQUEST_HOLD_MS));
}

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

export function installServerHook() {
  for (const prototype of [http.Server.prototype, https.Server.prototype] as unknown as Array<{ emit: Emit; [INSTALLED]?: true }>) {
    if (Object.hasOwn(prototype, INSTALLED)) continue;
    const emit = prototype.emit;
    prototype.emit = function (event, ...args) {
      if (event !== "request") return emit.call(this, event, ...args);
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (request.method === "TRACE") {
        response.writeHead(405, { ...STATIC_SECURITY_HEADERS, Allow: ALLOWED_METHODS, "Content-Type": "text/plain; charset=utf-8" });
        response.end("Method Not Allowed\n");
        return true;
      }
      const store = { address: request.socket.remoteAddress, arrivedAt: performance.now() };
      const handle = () => peerStorage().run(store, () => emit.call(this, event, ...args));
      if (NEVER_WAITS.test(request.url ?? "")) return handle();
      const withdraw = admission().admit((done) => {
        // The place is given up when the response starts (an explicit writeHead, or the
        // implicit one of the first write or end) or the connection closes.
        const writeHead = response.writeHead;
        response.writeHead = function (this: http.ServerResponse, ...head: unknown[]) {
          done();
          return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, head);
        } as typeof response.writeHead;
        response.once("close", done);
        handle();
      });
      // A client that leaves while waiting is not handled at all.
      response.once("close", withdraw);
      return true;
    };
    prototype[INSTALLED] = true;
  }
}
