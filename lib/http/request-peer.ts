/**
 * The address of the socket a request came in on. Next.js does not expose the socket
 * to proxy.ts, route handlers or server actions, and its X-Forwarded-For is the
 * client's own when one was sent (Next only fills it in when absent). So the server
 * hook (server-hook.ts, installed from instrumentation.ts) runs each request's
 * handling inside an AsyncLocalStorage holding the socket's address, and code anywhere
 * in that request reads it here. Nothing a client sends can set it; a request that
 * arrived before the hook was installed (the first moments after start-up) has none.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/lib/env";
import { clientIp } from "./client-ip";

type PeerStore = {
  address: string | undefined;
  /** When the request arrived (performance.now()): the embedded database serves earlier requests first (lib/db-priority.ts). */
  arrivedAt?: number;
};

// On globalThis: instrumentation.ts and the app's routes are separate bundles, each with its own copy of this module.
const STORAGE_KEY = Symbol.for("slipway.requestPeer");
const globals = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<PeerStore> };

export function peerStorage(): AsyncLocalStorage<PeerStore> {
  return (globals[STORAGE_KEY] ??= new AsyncLocalStorage<PeerStore>());
}

/** The socket peer of the request being handled, if known. */
export function requestPeerAddress(): string | undefined {
  return peerStorage().getStore()?.address;
}

/** When the request being handled arrived, if it came through the server hook. */
export function requestArrivedAt(): number | undefined {
  return peerStorage().getStore()?.arrivedAt;
}

/** The client's IP for the request being handled (see client-ip.ts), or undefined when unknown. */
export function requestClientIp(headers: Headers): string | undefined {
  return clientIp({
    peer: requestPeerAddress(),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedProxies: env.SLIPWAY_TRUSTED_PROXIES,
  });
}
