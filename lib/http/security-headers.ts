/**
 * Response headers that limit what a page can do if something slips through: a
 * Content-Security-Policy with a fresh nonce per page (Next.js reads it from the
 * request's CSP header and puts it on its own scripts, which works because every page
 * is rendered per request), no framing, no MIME sniffing, a short Referer, and HSTS
 * when Slipway is served over https.
 *
 * next.config.mjs sends STATIC_SECURITY_HEADERS on every response, static files
 * included; proxy.ts adds the CSP and HSTS, which depend on the request and on run-time
 * configuration (next.config's headers are fixed at build time).
 */
import staticSecurityHeaders from "./static-security-headers.json";

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = staticSecurityHeaders;

/** 128 random bits, base64: the form Next.js looks for in `'nonce-...'`. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export type CspOptions = { nonce: string; dev: boolean; https: boolean };

/** For pages: scripts only with the nonce (and what they load, 'strict-dynamic'); everything else from this origin. */
export function pageContentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next's development overlay adds <style> elements without the nonce.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Bar charts and the rollout progress bar size themselves with style attributes.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // fetch, server actions and the rollout EventSource all go to this origin.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For API routes (JSON, downloads, next-auth): nothing in them is meant to run or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** A year; not includeSubDomains: other hosts under Slipway's name are not Slipway's to decide. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";
