/**
 * GET /metrics in Prometheus' text format. Off unless SLIPWAY_METRICS_TOKEN is set;
 * then the scraper sends it as a bearer token (Prometheus `authorization` in its
 * scrape config). Metrics name routes and counts, never people or secrets, but they
 * do tell an outsider how busy Slipway is, so they are not public.
 */
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { metrics } from "./metrics";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function serveMetrics(request: Request, expected = env.SLIPWAY_METRICS_TOKEN): Promise<Response> {
  if (!expected)
    return new Response("Metrics are off: set SLIPWAY_METRICS_TOKEN.\n", { status: 404, headers: { "content-type": "text/plain" } });
  const given = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!given || !sameSecret(given, expected)) {
    return new Response("Send the metrics token: Authorization: Bearer <SLIPWAY_METRICS_TOKEN>.\n", {
      status: 401,
      headers: { "content-type": "text/plain", "www-authenticate": "Bearer" },
    });
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}
