import Link from "next/link";

/**
 * Why the person may not see or do this: the role needed and whom to ask (from the
 * use-case's refusal), and, on a team's pages, the way to ask from here.
 */
export function ForbiddenNotice({ title, reason, requestHref }: { title: string; reason: string; requestHref?: string }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p>{reason}</p>
      {requestHref && (
        <p>
          <Link
            href={requestHref}
            data-testid="request-access-link"
            className="inline-block rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Request access
          </Link>
        </p>
      )}
    </div>
  );
}
