/**
 * A hook on Node's HTTP server, installed once from instrumentation.ts, that sees each
 * request before Next.js does. It works the same under `next start`, `next dev` and the
 * standalone server.js, since all of them create a plain http.Server in this process.
 *
 * - It runs the rest of the request inside request-peer.ts's AsyncLocalStorage, holding
 *   the socket's address (Next.js passes on no socket).
 * - It answers TRACE with 405: Next.js builds a fetch Request for every request, which
 *   throws for TRACE, so Next would answer 500 before proxy.ts could refuse it. (TRACK
 *   and CONNECT never reach here: Node answers TRACK 400 and closes CONNECT.)
 */
import http from "node:http";
import https from "node:https";
import { STATIC_SECURITY_HEADERS } from "./security-headers";
import { peerStorage } from "./request-peer";

const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

const INSTALLED = Symbol.for("slipway.serverHook");

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
      return peerStorage().run({ address: request.socket.remoteAddress }, () => emit.call(this, event, ...args));
    };
    prototype[INSTALLED] = true;
  }
}
