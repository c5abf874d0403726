import { z } from "zod";
import { db } from "@/lib/db";
import { teamUseCase } from "@/lib/usecase/define";
import { noInput } from "@/lib/validation/wire";
import { DEFAULT_CLUSTER_NAME } from "@/lib/clusters/cluster.types";
import { environmentView } from "./environment.types";
import { teamEnvironments, viewOfEnvironment } from "./team-environments";

/** The team's environments, the default first; and the clusters a lead may put a new one on (names only). */
export const listEnvironments = teamUseCase({
  name: "listEnvironments",
  summary: "The team's environments (the default first) and the names of the clusters a new one can go on",
  permissions: ["team.read"],
  input: noInput,
  output: z.object({ environments: z.array(environmentView), clusters: z.array(z.string()) }),
  route: { method: "GET", path: "/teams/{team}/environments" },
  async run({ ctx }) {
    const [environments, clusters] = await Promise.all([
      teamEnvironments(ctx.team),
      db().cluster.findMany({ select: { name: true }, orderBy: { name: "asc" } }),
    ]);
    return { environments: environments.map(viewOfEnvironment), clusters: [DEFAULT_CLUSTER_NAME, ...clusters.map((c) => c.name)] };
  },
});
