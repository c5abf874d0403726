import { checkReadiness } from "@/lib/health/check-readiness";

/** Readiness: 200 when the database is reachable, 503 with the reason otherwise. */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  if (readiness.ready) return Response.json({ status: "ready" });
  return Response.json({ status: "unavailable", reason: readiness.reason }, { status: 503 });
}
