import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { pageCall } from "@/lib/adapters/page-call";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { getMe } from "@/lib/users/get-me";
import { listTeams } from "@/lib/teams/list-teams";
import { createTeamAction } from "./team-actions";

export const metadata: Metadata = { title: "Teams" };
const PAGE_SIZE = 25;

export default async function TeamsPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const raw = (await searchParams).after;
  const after = typeof raw === "string" ? raw.slice(0, 63) : undefined;
  const [{ output: actor }, { output: page }] = await Promise.all([
    pageCall(getMe),
    pageCall(listTeams, {}, { limit: PAGE_SIZE, cursor: after }),
  ]);
  const { teams, nextCursor } = page ?? { teams: [], nextCursor: null };
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Teams</h1>
        <p className="text-slate-600">{actor?.isPlatformAdmin ? "Every team (you are a platform admin)." : "The teams you belong to."}</p>
      </div>
      {teams.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">
          {after ? "No more teams." : "You are not in any team yet. A team lead can add you by your email address."}
        </p>
      ) : (
        <ScrollRegion label="Teams table">
          <DataTable columns={["Team", "Namespace", "Your role", "Members"]}>
            {teams.map((team) => (
              <tr key={team.slug} className="border-t border-slate-100">
                <td className="px-4 py-2">
                  <Link href={`/teams/${team.slug}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
                    {team.name}
                  </Link>
                </td>
                <td className="px-4 py-2 font-mono text-xs">{team.namespace}</td>
                <td className="px-4 py-2">{team.role ? ROLE_LABELS[team.role] : "—"}</td>
                <td className="px-4 py-2">{team.memberCount}</td>
              </tr>
            ))}
          </DataTable>
        </ScrollRegion>
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {after && (
          <Link href="/teams" className="text-blue-700 underline">
            First page
          </Link>
        )}
        {nextCursor && (
          <Link href={`/teams?after=${encodeURIComponent(nextCursor)}`} className="text-blue-700 underline">
            Next page
          </Link>
        )}
      </nav>
      {actor?.isPlatformAdmin && <CreateTeamForm action={createTeamAction.bind(null, {})} />}
    </div>
  );
}
