import Link from "next/link";
import type { z } from "zod";
import type { appStatus } from "@/lib/apps/app-status.types";
import { versionOf } from "@/lib/apps/app-spec.types";

type Status = z.output<typeof appStatus>;

/** The top of the app page: is it up, and which release runs. */
export function AppSummary(props: { base: string; status: Status; replicas: number }) {
  if ("error" in props.status) return null;
  const { deployment, pods } = props.status.view;
  if (!deployment) {
    return (
      <p className="text-sm text-slate-600" data-testid="app-summary">
        Not running in the cluster: not deployed yet.
      </p>
    );
  }
  const ready = pods.filter((pod) => pod.ready).length;
  const healthy = ready >= deployment.replicas;
  return (
    <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm" data-testid="app-summary">
      <div>
        <dt className="text-slate-600">Pods ready</dt>
        <dd className={`text-lg font-semibold ${healthy ? "text-green-800" : "text-amber-800"}`}>
          {ready} of {deployment.replicas}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">Running release</dt>
        <dd className="text-lg font-semibold">
          {deployment.releaseSequence ? (
            <Link href={`${props.base}/releases/${deployment.releaseSequence}`} className="text-blue-700 underline">
              #{deployment.releaseSequence}
            </Link>
          ) : (
            "—"
          )}{" "}
          <span className="font-mono text-sm">{deployment.image ? versionOf(deployment.image) : ""}</span>
        </dd>
      </div>
    </dl>
  );
}
