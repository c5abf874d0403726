import Link from "next/link";

/** For leads, in the header: how many access requests wait for them, linking to the team with the most. */
export function PendingApprovalsBadge(props: { total: number; team: string }) {
  return (
    <Link
      href={`/teams/${encodeURIComponent(props.team)}/access-requests`}
      data-testid="pending-approvals"
      className="inline-flex items-center gap-1.5 text-sm text-slate-700 hover:text-slate-900"
    >
      Requests
      <span className="rounded-full bg-amber-500 px-2 py-0.5 text-xs font-semibold text-slate-950">{props.total}</span>
      <span className="sr-only">waiting for you</span>
    </Link>
  );
}
