import { errorResponse } from "@/lib/api/respond";
import { requestInfo } from "@/lib/api/request-info";
import { getSessionUser } from "@/lib/auth/session";
import { authorizeTeam } from "@/lib/authz/authorize";
import { AppError } from "@/lib/errors";
import { issueKubeconfig } from "@/lib/teams/issue-kubeconfig";

export const dynamic = "force-dynamic";

/** POST (a form button): issuing a credential is a change, audited, never a prefetchable GET. */
export async function POST(request: Request, { params }: { params: Promise<{ team: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to download a kubeconfig.");
    const ctx = await authorizeTeam({ actor: { ...user, via: "session" }, teamSlug: (await params).team, permission: "kubeconfig.issue", request: requestInfo(request.headers) });
    const { kubeconfig, filename } = await issueKubeconfig({ ctx });
    return new Response(kubeconfig, {
      headers: { "content-type": "application/yaml", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
