import { attachment, sessionTeamRoute } from "@/lib/api/session-route";
import { issueKubeconfig } from "@/lib/teams/issue-kubeconfig";

export const dynamic = "force-dynamic";

/** POST (a form button): issuing a credential is a change, audited, never a prefetchable GET. */
export const POST = sessionTeamRoute<{ team: string }>("kubeconfig.issue", async ({ ctx }) => {
  const { kubeconfig, filename } = await issueKubeconfig({ ctx });
  return attachment(kubeconfig, filename, "application/yaml");
});
