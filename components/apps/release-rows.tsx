"use client";
/**
 * The release table's rows, given as plain data (rendered on the server all the same):
 * React sends them as data instead of as a tree of elements.
 */
import Link from "next/link";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { FormAction } from "@/lib/adapters/form-action";
import { StatusBadge } from "./status-badge";

export type ReleaseRow = {
  id: string;
  sequence: number;
  image: string;
  /** The image's tag (or digest). */
  version: string;
  /** Named when the table shows several environments. */
  environment: string | null;
  rollbackOf: number | null;
  requestedBy: string | null;
  /** ISO 8601. */
  at: string;
  took: string;
  status: string;
  error: string | null;
  /** The rollback form's fields, when one is offered on this row. */
  rollback: Record<string, string> | null;
};

export function ReleaseRows({ base, app, rows, rollback }: { base: string; app: string; rows: ReleaseRow[]; rollback?: FormAction }) {
  return (
    <ScrollRegion label="Release history table">
      <DataTable dense columns={["#", "Image", "Who", "When (UTC)", "Took", "Result", { label: "Actions", hidden: true }]}>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top" data-testid={`release-${r.sequence}`}>
            <td className="px-3 py-2">
              <Link href={`${base}/releases/${r.sequence}`} className="text-blue-700 underline">
                #{r.sequence}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono text-xs">
              {r.version}
              {r.environment && <span className="ml-2 rounded bg-blue-50 px-1 text-blue-900">{r.environment}</span>}
              {r.rollbackOf !== null && <span className="ml-2 rounded bg-slate-100 px-1">rollback to #{r.rollbackOf}</span>}
            </td>
            <td className="px-3 py-2">{r.requestedBy ?? "—"}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <time dateTime={r.at}>{r.at.slice(0, 19).replace("T", " ")}</time>
            </td>
            <td className="px-3 py-2">{r.took}</td>
            <td className="px-3 py-2">
              <StatusBadge status={r.status} />
              {r.error && <p className="mt-1 max-w-sm text-xs text-red-700">{r.error}</p>}
            </td>
            <td className="px-3 py-2">
              {rollback && r.rollback && (
                <ConfirmForm
                  action={rollback}
                  fields={r.rollback}
                  trigger={`Roll back to #${r.sequence}`}
                  title={`Roll back ${app} to release #${r.sequence}?`}
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
