/** Liveness: the process is up and serving. Touches nothing else. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
