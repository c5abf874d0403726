import type { z } from "zod";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { appStatus } from "@/lib/apps/app-status.types";
import { EventsList } from "./events-list";
import { ResourceTree } from "./resource-tree";

type View = Extract<z.output<typeof appStatus>, { view: unknown }>["view"];

function age(since: Date | undefined, now: Date) {
  if (!since) return "—";
  const s = Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172_800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

const tagOf = (image?: string) => (image ? image.slice(image.lastIndexOf("/") + 1) : "—");

/** What runs in the cluster: pods, events and the objects behind them (logs: logs-panel.tsx). */
export function ClusterPanel({ view, now = new Date() }: { view: View; now?: Date }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-4">
        <ScrollRegion label="Pods table">
          <DataTable dense label="Pods" columns={["Pod", "Phase", "Ready", "Restarts", "Node", "Age", "Image"]}>
            {view.pods.length === 0 && (
              <tr>
                <td colSpan={7} className="px-3 py-2 text-slate-600">
                  No pods.
                </td>
              </tr>
            )}
            {view.pods.map((pod) => (
              <tr key={pod.name} className="border-t border-slate-100" data-testid="pod-row">
                <td className="px-3 py-2 font-mono text-xs break-all">{pod.name}</td>
                <td className="px-3 py-2">{pod.phase}</td>
                <td className="px-3 py-2">{pod.ready ? "yes" : "no"}</td>
                <td className="px-3 py-2">{pod.restarts}</td>
                <td className="px-3 py-2 text-xs">{pod.node ?? "—"}</td>
                <td className="px-3 py-2 text-xs">{age(pod.startedAt, now)}</td>
                <td className="px-3 py-2 font-mono text-xs" title={pod.image}>
                  {tagOf(pod.image)}
                </td>
              </tr>
            ))}
          </DataTable>
        </ScrollRegion>
        <div className="space-y-2">
          <h3 className="font-medium">Resources</h3>
          <ResourceTree resources={view.resources} />
        </div>
      </div>
      <div className="min-w-0 space-y-4">
        <EventsList events={view.events} />
      </div>
    </div>
  );
}
