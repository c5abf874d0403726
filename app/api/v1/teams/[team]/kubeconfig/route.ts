import { z } from "zod";
import { teamRoute } from "@/lib/api/route";
import { issueKubeconfig } from "@/lib/teams/issue-kubeconfig";

/** A kubeconfig (JSON-wrapped YAML) with a one-hour token matching your role in the team. */
export const POST = teamRoute({ permission: "kubeconfig.issue", schema: z.object({}), input: "none" }, async ({ ctx }) => ({
  body: await issueKubeconfig({ ctx }),
}));
