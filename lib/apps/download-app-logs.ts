import { teamClusterClient } from "@/lib/cluster/audited-cluster-call";
import { readPodLog } from "@/lib/k8s";
import { environmentOf } from "@/lib/environments/team-environments";
import { requireClusterFor } from "@/lib/platform-cluster";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import { appLogsInput } from "./app-logs.types";
import { findApp } from "./find-app";
import { findAppPod } from "./find-app-pod";

/** The most a download carries; the API server stops there (the newest lines past it are left out). */
export const MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;

/** One container's log as it is now, with timestamps, as a text file to save. */
export const downloadAppLogs = teamUseCase({
  name: "downloadAppLogs",
  summary: "One container's log of one of the app's pods, with timestamps, as a text file (at most 10 MiB)",
  permissions: ["app.read"],
  input: appLogsInput,
  output: fileBody,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/logs/download", produces: ["text/plain"], download: true },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app, { includeArchived: true });
    const environment = await environmentOf(ctx, input.environment);
    const team = teamClusterClient(ctx, environment, await requireClusterFor(environment.clusterId));
    const { pod, container } = await findAppPod(ctx, team, environment.namespace, app, input.pod, input.container || undefined);
    const text = await readPodLog(team, {
      namespace: environment.namespace,
      pod,
      container,
      sinceSeconds: input.sinceSeconds,
      tailLines: input.tailLines,
      limitBytes: MAX_DOWNLOAD_BYTES,
    });
    return { body: text, contentType: "text/plain; charset=utf-8", filename: `${pod}-${container}.log` };
  },
});
