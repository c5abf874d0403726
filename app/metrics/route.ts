import { serveMetrics } from "@/lib/observability/serve-metrics";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return serveMetrics(request);
}
