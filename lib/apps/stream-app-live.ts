/**
 * An app's live health and drift as server-sent events: the current state first, then
 * a `live` event whenever it changes. Changes come from the namespace's shared watch
 * (no request to the API server per browser); a re-read every few seconds catches what
 * the audit log adds (who changed it), which is not a cluster change. On shutdown the
 * stream ends with `reconnect`, so the browser reattaches to another replica.
 */
import { AppError } from "@/lib/errors";
import { onShutdown } from "@/lib/engine/shutdown";
import { logError } from "@/lib/observability/logger";
import { fileBody, teamUseCase } from "@/lib/usecase/define";
import type { AnyTeamContext } from "@/lib/authz/team-context";
import { liveCache, readAppLive } from "./app-live";
import { appNameParam } from "./app.types";
import { findApp } from "./find-app";
import { environmentField } from "@/lib/environments/environment.types";
import { environmentOf, type TeamEnvironment } from "@/lib/environments/team-environments";

const RECHECK_MS = 5_000;
const RECONNECT_MS = 1_000;

export const streamAppLive = teamUseCase({
  name: "streamAppLive",
  summary:
    "The app's live health and drift in one environment (default: the team's first) as server-sent events (`live` events), pushed when they change",
  permissions: ["app.read"],
  input: appNameParam.extend(environmentField.shape),
  output: fileBody,
  route: { method: "GET", path: "/teams/{team}/apps/{app}/live", produces: ["text/event-stream"] },
  async run({ ctx, input }) {
    const app = await findApp(ctx, input.app);
    const environment = await environmentOf(ctx, input.environment);
    if (!(await liveCache(ctx, environment))) throw new AppError("UNAVAILABLE", "No Kubernetes cluster is configured.");
    return { body: liveStream(ctx, app, environment), contentType: "text/event-stream; charset=utf-8" };
  },
});

function liveStream(ctx: AnyTeamContext, app: { id: string; name: string }, environment: TeamEnvironment): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = (_options?: { cancelled: boolean }) => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let last = "";
      let reading = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const push = async () => {
        if (reading || closed) return;
        reading = true;
        try {
          const data = JSON.stringify(await readAppLive(ctx, app, environment));
          if (data !== last) {
            last = data;
            write(`event: live\ndata: ${data}\n\n`);
          } else write(": unchanged\n\n");
        } catch (error) {
          logError("live stream: could not read the app's state", error);
        } finally {
          reading = false;
        }
      };
      let unsubscribe = () => {};
      void liveCache(ctx, environment).then((cache) => {
        if (cache && !closed) unsubscribe = cache.subscribe(() => void push());
      });
      const timer = setInterval(() => void push(), RECHECK_MS);
      const stopOnShutdown = onShutdown(() => {
        write(`retry: ${RECONNECT_MS}\nevent: reconnect\ndata: {}\n\n`);
        cleanup();
      });
      cleanup = (options) => {
        if (closed) return;
        closed = true;
        unsubscribe();
        stopOnShutdown();
        clearInterval(timer);
        // A stream the reader cancelled is closed already; closing it again throws.
        if (!options?.cancelled) controller.close();
      };
      void push();
    },
    cancel() {
      cleanup({ cancelled: true });
    },
  });
}
