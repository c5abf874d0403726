import { errorResponse } from "@/lib/api/respond";
import { requestInfo } from "@/lib/api/request-info";
import { exportAppSpec } from "@/lib/apps/export-app-spec";
import { getSessionUser } from "@/lib/auth/session";
import { authorizeTeam } from "@/lib/authz/authorize";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The app's spec file for the browser (the export link); the API has its own with a token. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; app: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to export an app spec.");
    const { team, app } = await params;
    const ctx = await authorizeTeam({ actor: { ...user, via: "session" }, teamSlug: team, permission: "app.read", request: requestInfo(request.headers) });
    const { yaml, filename } = await exportAppSpec({ ctx, app });
    return new Response(yaml, {
      headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
