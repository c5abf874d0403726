"use client";
/**
 * The home page's table of a person's apps, given as plain data (rendered on the server
 * all the same): React sends 100 rows as data instead of as a tree of elements.
 */
import Link from "next/link";
import type { CardLive } from "@/lib/apps/app-live.types";
import { DriftMarker } from "@/components/apps/drift-marker";
import { HealthBadge } from "@/components/apps/health-badge";
import { StatusBadge } from "@/components/apps/status-badge";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";

export type MyAppRow = {
  team: { slug: string; name: string };
  name: string;
  /** "1.2.0 (#3)", or null before the first release. */
  version: string | null;
  status: string | null;
  live: CardLive;
};

export function MyAppsRows({ rows }: { rows: MyAppRow[] }) {
  return (
    // Scrolls in its own region on a phone instead of widening the page.
    <ScrollRegion label="Your apps table">
      <DataTable columns={["App", "Team", "Version", "Status", "Live"]}>
        {rows.map((row) => {
          const href = `/teams/${row.team.slug}/apps/${row.name}`;
          return (
            <tr key={`${row.team.slug}/${row.name}`} className="border-t border-slate-100" data-testid={`app-${row.team.slug}-${row.name}`}>
              <td className="px-4 py-2">
                <Link href={href} className="font-medium text-blue-700 underline-offset-2 hover:underline">
                  {row.name}
                </Link>
              </td>
              <td className="px-4 py-2 text-slate-600">{row.team.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{row.version ?? "—"}</td>
              <td className="px-4 py-2">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-4 py-2">
                <span className="flex items-center gap-1.5">
                  <HealthBadge health={row.live.health} compact />
                  <DriftMarker drift={row.live.drift} href={href} />
                </span>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </ScrollRegion>
  );
}
