import Link from "next/link";
import type { Metadata } from "next";
import { ActivityFilters, type FilterValues } from "@/components/audit/activity-filters";
import { ActivityTable } from "@/components/audit/activity-table";
import { VerifyChainForm } from "@/components/audit/verify-chain-form";
import { pageCall } from "@/lib/adapters/page-call";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-events";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditPageSchema, filterParams } from "@/lib/audit/list-audit-events.types";
import { listTeams } from "@/lib/teams/list-teams";
import { getMe } from "@/lib/users/get-me";
import { verifyAuditChainAction } from "./audit-actions";

export const metadata: Metadata = { title: "Activity" };
const PAGE_SIZE = 50;
const KEYS = ["team", "app", "actor", "action", "from", "to", "after"] as const;

type Search = Partial<Record<(typeof KEYS)[number], string | string[]>>;

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const raw = Object.fromEntries(KEYS.map((key) => [key, [search[key]].flat()[0]])) as Partial<Record<(typeof KEYS)[number], string>>;
  const { after, ...values } = raw;
  const parsed = auditPageSchema.safeParse({ ...values, cursor: after, limit: PAGE_SIZE });
  const [{ output: actor }, { output: teamPage }, page] = await Promise.all([
    pageCall(getMe),
    pageCall(listTeams, {}, { limit: 200 }),
    parsed.success ? pageCall(listAuditEvents, {}, { ...values, cursor: after, limit: PAGE_SIZE }).then((call) => call.output) : null,
  ]);
  const teams = teamPage?.teams ?? [];
  const kept = filterParams(values).toString();
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const query = [kept, new URLSearchParams(extra).toString()].filter(Boolean).join("&");
    return query ? `${path}?${query}` : path;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-slate-600">
          Who did what, newest first:{" "}
          {actor?.isPlatformAdmin ? "every team (you are a platform admin)" : "the teams you belong to, and your own actions"}.
        </p>
      </div>
      <ActivityFilters values={values as FilterValues} teams={teams} actions={AUDIT_ACTIONS} />
      {!parsed.success ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-medium">These filters are not valid:</p>
          <ul className="list-disc pl-5">
            {parsed.error.issues.map((issue) => (
              <li
                key={`${issue.path.join(".")}:${issue.message}`}
              >{`${issue.path.join(".") === "cursor" ? "page" : issue.path.join(".")}: ${issue.message}`}</li>
            ))}
          </ul>
        </div>
      ) : page && page.events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">
          {after ? "No more events." : kept ? "No events match these filters." : "Nothing has happened yet that you can see."}
        </p>
      ) : (
        page && <ActivityTable events={page.events} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-4 text-sm">
        <nav aria-label="Pages" className="flex gap-4">
          {after && (
            <Link href={withQuery("/activity")} className="text-blue-700 underline">
              First page
            </Link>
          )}
          {page?.nextCursor && (
            <Link href={withQuery("/activity", { after: page.nextCursor })} className="text-blue-700 underline">
              Next page
            </Link>
          )}
        </nav>
        {parsed.success && (
          <p className="flex gap-3">
            <span className="text-slate-600">Export these events:</span>
            <a href={withQuery("/api/v1/audit/export", { format: "csv" })} download className="text-blue-700 underline">
              CSV
            </a>
            <a href={withQuery("/api/v1/audit/export", { format: "json" })} download className="text-blue-700 underline">
              JSON
            </a>
          </p>
        )}
      </div>
      <VerifyChainForm action={verifyAuditChainAction.bind(null, {})} />
    </div>
  );
}
