import { openApiDocument } from "@/lib/adapters/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
