/**
 * The client's IP address for the audit log. X-Forwarded-For is whatever the client
 * wrote, plus what each proxy on the way appended; only entries appended by proxies
 * Slipway trusts (SLIPWAY_TRUSTED_PROXIES) mean anything. So the chain is read from
 * the socket's peer backwards, and the first address not in a trusted range is the
 * client (proxy-addr, as Express does it). With no trusted proxies, the peer itself.
 */
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

type Trust = ReturnType<typeof proxyaddr.compile>;
const compiled = new Map<string, Trust>();

/** CIDRs, single addresses, or proxy-addr's names (loopback, linklocal, uniquelocal); throws on anything else. */
export function compileTrustedProxies(ranges: readonly string[]): Trust {
  const key = ranges.join(",");
  let trust = compiled.get(key);
  if (!trust) {
    trust = proxyaddr.compile([...ranges]);
    compiled.set(key, trust);
  }
  return trust;
}

export function clientIp(options: {
  peer: string | undefined;
  forwardedFor: string | null | undefined;
  trustedProxies: readonly string[];
}) {
  const { peer, forwardedFor, trustedProxies } = options;
  if (!peer) return undefined;
  // proxy-addr reads a Node request; these two fields are all it looks at.
  const request = { socket: { remoteAddress: peer }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} };
  const address = proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], compileTrustedProxies(trustedProxies));
  return normalizeAddress(address);
}

/** "::ffff:10.0.0.1" is 10.0.0.1; what a trusted proxy sent that is not an address is no address. */
function normalizeAddress(address: string): string | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  return isIP(ip) ? ip : undefined;
}
