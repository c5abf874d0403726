/**
 * Metrics and request ids: a request through the /api/v1 adapter is counted by route
 * and status, /metrics needs its token, and an error answer names its request id.
 */
import { describe, expect, it } from "vitest";
import { apiRoute } from "@/lib/adapters/api-route";
import { serveMetrics } from "@/lib/observability/serve-metrics";
import { getMe } from "@/lib/users/get-me";
import { call } from "../helpers/api";

const TOKEN = "metrics-token-for-tests-0123456789";
const scrape = (authorization?: string) =>
  serveMetrics(new Request("http://slipway.test/metrics", { headers: authorization ? { authorization } : {} }), TOKEN);

describe("[observability] /metrics and request ids", () => {
  it("refuses a scrape without the token, and is off without one configured", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-wrong-token-00")).status).toBe(401);
    const off = await serveMetrics(new Request("http://slipway.test/metrics"), undefined);
    expect(off.status).toBe(404);
  });

  it("counts API requests by route and status, and reports Kubernetes, deploy and pool metrics", async () => {
    const { GET } = apiRoute(getMe);
    const answer = await call(GET, "GET", { headers: { "x-request-id": "req-observability-1" } });
    expect(answer.status).toBe(401);
    expect(answer.body.error.requestId).toBe("req-observability-1");
    expect(answer.headers.get("x-request-id")).toBe("req-observability-1");

    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/slipway_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="401"\} [1-9]/);
    for (const name of [
      "slipway_deploys_total",
      "slipway_release_duration_seconds",
      "slipway_releases_in_flight",
      "slipway_kubernetes_request_duration_seconds",
      "slipway_db_pool_connections",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});
