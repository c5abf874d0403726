import type { Metadata } from "next";
import Link from "next/link";
import { AccessRequestActions } from "@/components/access/access-request-actions";
import { DataTable } from "@/components/ui/data-table";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { pageCall } from "@/lib/adapters/page-call";
import { listAccessRequests } from "@/lib/access/list-access-requests";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { approveAccessRequestAction, denyAccessRequestAction } from "../access-actions";

export const metadata: Metadata = { title: "Access requests" };

function outcome(request: { status: string; grantedRole: keyof typeof ROLE_LABELS | null; grantedUntil: Date | null }): string {
  if (request.status === "APPROVED") {
    return `approved, ${ROLE_LABELS[request.grantedRole!]}${request.grantedUntil ? ` until ${utc(request.grantedUntil)}` : " for good"}`;
  }
  return request.status === "DENIED" ? "denied" : "expired unanswered";
}

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function AccessRequestsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  // Pending ones to answer, and what was answered lately (so an answer stays visible after it is given).
  const access = await pageCall(listAccessRequests, { team }, { status: "all" });
  if (access.forbidden !== undefined) return <ForbiddenNotice title="You cannot answer access requests" reason={access.forbidden} />;
  const { ctx, output } = access;
  const pending = output.requests.filter((request) => request.status === "PENDING").reverse();
  const answered = output.requests.filter((request) => request.status !== "PENDING").slice(0, 20);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/teams/${ctx.team.slug}`} className="text-blue-700 underline underline-offset-2">
          {ctx.team.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Access requests</h1>
      {pending.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-600" data-testid="no-access-requests">
          No pending requests.
        </p>
      ) : (
        <ScrollRegion label="Access requests table">
          <DataTable columns={["Who", "Asks for", "Reason", "Answer"]}>
            {pending.map((request) => (
              <tr
                key={request.id}
                className="border-t border-slate-100 align-top"
                data-testid={`access-request-${request.requester.email}`}
              >
                <td className="px-4 py-2">
                  <div className="font-medium">{request.requester.name ?? request.requester.email}</div>
                  <div className="text-xs text-slate-500">{request.requester.email}</div>
                  <div className="text-xs text-slate-500">
                    asked <time dateTime={request.createdAt.toISOString()}>{utc(request.createdAt)}</time>
                  </div>
                </td>
                <td className="px-4 py-2">
                  {ROLE_LABELS[request.role]}
                  <div className="text-xs text-slate-500">{request.hours === null ? "for good" : `for ${request.hours} h`}</div>
                </td>
                <td className="max-w-xs px-4 py-2 text-sm break-words">{request.reason}</td>
                <td className="px-4 py-2">
                  <AccessRequestActions
                    request={{ id: request.id, email: request.requester.email, role: request.role, hours: request.hours }}
                    approve={approveAccessRequestAction.bind(null, { team: ctx.team.slug, requestId: request.id })}
                    deny={denyAccessRequestAction.bind(null, { team: ctx.team.slug, requestId: request.id })}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </ScrollRegion>
      )}
      {answered.length > 0 && (
        <section aria-labelledby="answered" className="space-y-2">
          <h2 id="answered" className="text-lg font-semibold">
            Lately answered
          </h2>
          <ul className="space-y-1 text-sm">
            {answered.map((request) => (
              <li key={request.id} data-testid={`access-decision-${request.requester.email}`}>
                {request.requester.email} asked for {ROLE_LABELS[request.role]}: <strong>{outcome(request)}</strong>
                {request.decidedBy && <> by {request.decidedBy}</>}
                {request.decisionReason && <> ({request.decisionReason})</>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
