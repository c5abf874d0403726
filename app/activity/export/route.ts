/** The activity page's export links: the same download as /api/v1/audit/export, with the browser session. */
import { json, errorResponse } from "@/lib/api/respond";
import { requestInfo } from "@/lib/api/request-info";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditExportSchema } from "@/lib/audit/list-audit-events.types";
import { getSessionUser } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation/parse-input";

export async function GET(request: Request): Promise<Response> {
  const info = requestInfo(request.headers);
  try {
    const user = await getSessionUser();
    if (!user) return json({ error: { code: "UNAUTHENTICATED", message: "Sign in to export activity." } }, 401);
    const { format, ...filter } = parseInput(auditExportSchema, Object.fromEntries(new URL(request.url).searchParams));
    return await exportAuditEvents({ actor: { ...user, via: "session" }, filter, format });
  } catch (error) {
    return errorResponse(error, info.id);
  }
}
