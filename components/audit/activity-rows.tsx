"use client";
/**
 * The activity table's rows, given as plain data (rendered on the server all the same):
 * React sends 50 rows as data instead of as a tree of elements, which is less to send
 * and less for the server to render.
 */
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { RawEvent } from "./raw-event";

export type ActivityRow = {
  id: string;
  /** ISO 8601. */
  at: string;
  text: string;
  link: { href: string; label: string } | null;
  team: { slug: string; name: string } | null;
  /** The record as it is kept, shown on demand. */
  json: string;
};

export function ActivityRows({ rows, caption }: { rows: ActivityRow[]; caption: string }) {
  return (
    <ScrollRegion label="Activity table">
      <DataTable dense caption={caption} columns={["When (UTC)", "What happened", "Team"]}>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="activity-row">
            <td className="px-3 py-2 text-xs whitespace-nowrap">
              <time dateTime={row.at}>{row.at.slice(0, 19).replace("T", " ")}</time>
              <div className="text-slate-500">#{row.id}</div>
            </td>
            <td className="px-3 py-2">
              <p data-testid="activity-sentence">
                {row.text}
                {row.link && (
                  <>
                    {" · "}
                    <Link href={row.link.href} className="text-blue-700 underline">
                      {row.link.label}
                    </Link>
                  </>
                )}
              </p>
              <RawEvent json={row.json} />
            </td>
            <td className="px-3 py-2">
              {row.team ? (
                <Link href={`/teams/${row.team.slug}`} className="text-blue-700 underline">
                  {row.team.name}
                </Link>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </ScrollRegion>
  );
}
