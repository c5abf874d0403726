import Link from "next/link";
import type { z } from "zod";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { FormAction } from "@/lib/adapters/form-action";
import { versionOf } from "@/lib/apps/app-spec.types";
import type { releaseWithPeople } from "@/lib/deploys/release.types";
import { StatusBadge } from "./status-badge";

type Release = z.output<typeof releaseWithPeople>;

function duration(from: Date, to: Date | null) {
  if (!to) return "—";
  const s = Math.round((to.getTime() - from.getTime()) / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}

/**
 * The release table; a rollback is offered on each earlier successful release of the same
 * environment when `rollback` is given. With several environments each row names its own.
 */
export function ReleaseHistory(props: {
  base: string;
  app: string;
  releases: Release[];
  rollback?: FormAction;
  newRollbackKey: () => string;
}) {
  const environmentOf = (r: Release) => r.environment?.name ?? "";
  const lastSucceeded = new Map<string, string>();
  for (const r of props.releases)
    if (r.status === "SUCCEEDED" && !lastSucceeded.has(environmentOf(r))) lastSucceeded.set(environmentOf(r), r.id);
  const several = new Set(props.releases.map(environmentOf)).size > 1;
  return (
    <ScrollRegion label="Release history table">
      <DataTable dense columns={["#", "Image", "Who", "When (UTC)", "Took", "Result", { label: "Actions", hidden: true }]}>
        {props.releases.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top" data-testid={`release-${r.sequence}`}>
            <td className="px-3 py-2">
              <Link href={`${props.base}/releases/${r.sequence}`} className="text-blue-700 underline">
                #{r.sequence}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono text-xs">
              {versionOf(r.image)}
              {several && r.environment && <span className="ml-2 rounded bg-blue-50 px-1 text-blue-900">{r.environment.name}</span>}
              {r.rollbackOf && <span className="ml-2 rounded bg-slate-100 px-1">rollback to #{r.rollbackOf.sequence}</span>}
            </td>
            <td className="px-3 py-2">{r.requestedBy?.email ?? "—"}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time>
            </td>
            <td className="px-3 py-2">{duration(r.createdAt, r.finishedAt)}</td>
            <td className="px-3 py-2">
              <StatusBadge status={r.status} />
              {r.error && <p className="mt-1 max-w-sm text-xs text-red-700">{r.error}</p>}
            </td>
            <td className="px-3 py-2">
              {props.rollback && r.status === "SUCCEEDED" && r.id !== lastSucceeded.get(environmentOf(r)) && (
                <ConfirmForm
                  action={props.rollback}
                  fields={{
                    sequence: String(r.sequence),
                    idempotencyKey: props.newRollbackKey(),
                    ...(r.environment ? { environment: r.environment.name } : {}),
                  }}
                  trigger={`Roll back to #${r.sequence}`}
                  title={`Roll back ${props.app} to release #${r.sequence}?`}
                  description={`This deploys ${r.image} with the settings release #${r.sequence} had, as a new release.`}
                  confirmLabel="Roll back"
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </ScrollRegion>
  );
}
