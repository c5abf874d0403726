"use client";
/**
 * A client component given plain data (rendered on the server all the same), so that each
 * object's YAML is drawn only when someone opens it: closed, the YAML of a Deployment's
 * ReplicaSets (ten after ten deploys) was most of the app page, sent as HTML and again in
 * React's payload.
 */
import type { z } from "zod";
import { useDetailsOpen } from "@/components/ui/use-details-open";
import type { appStatus } from "@/lib/apps/app-status.types";

type View = Extract<z.output<typeof appStatus>, { view: unknown }>["view"];
type Resource = View["resources"][number];

function Conditions({ resource }: { resource: Resource }) {
  if (resource.conditions.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1">
      {resource.conditions.map((c) => (
        <li
          key={c.type}
          title={c.message}
          className={`rounded px-1.5 py-0.5 text-xs ${c.status === "True" ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-800"}`}
        >
          {c.type}: {c.status}
          {c.reason ? ` (${c.reason})` : ""}
        </li>
      ))}
    </ul>
  );
}

function Yaml({ resource }: { resource: Resource }) {
  const { ref, open, onToggle } = useDetailsOpen();
  return (
    <details ref={ref} className="py-1" onToggle={onToggle}>
      <summary className="cursor-pointer text-sm">
        <span className="font-medium">{resource.kind}</span> <span className="font-mono text-xs break-all">{resource.name}</span>
      </summary>
      {open && (
        <pre
          className="mt-1 max-h-72 overflow-auto rounded bg-slate-50 p-2 text-xs"
          tabIndex={0}
          aria-label={`YAML of ${resource.kind} ${resource.name}`}
        >
          {resource.yaml}
        </pre>
      )}
    </details>
  );
}

function Node({ resource, all, depth }: { resource: Resource; all: Resource[]; depth: number }) {
  // Owners by kind: a Service may share its name with the Deployment, but owns nothing.
  const childKind = resource.kind === "Deployment" ? "ReplicaSet" : resource.kind === "ReplicaSet" ? "Pod" : null;
  const children = all.filter((r) => r.kind === childKind && r.parent === resource.name);
  return (
    <li className={depth > 0 ? "ml-4 border-l border-slate-200 pl-3" : ""} data-testid={`resource-${resource.kind}`}>
      <Yaml resource={resource} />
      <Conditions resource={resource} />
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <Node key={`${child.kind}/${child.name}`} resource={child} all={all} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Deployment -> ReplicaSets -> Pods, then Service and Ingress; each with its conditions and YAML. */
export function ResourceTree({ resources }: { resources: Resource[] }) {
  const roots = resources.filter((r) => r.kind === "Deployment" || r.kind === "Service" || r.kind === "Ingress");
  if (roots.length === 0) return <p className="text-sm text-slate-600">Nothing in the cluster yet.</p>;
  return (
    <ul className="space-y-1" aria-label="Resources">
      {roots.map((root) => (
        <Node key={`${root.kind}/${root.name}`} resource={root} all={resources} depth={0} />
      ))}
    </ul>
  );
}
