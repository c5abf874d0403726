const STYLES: Record<string, string> = {
  SUCCEEDED: "bg-green-100 text-green-800",
  FAILED: "bg-red-100 text-red-800",
  PENDING: "bg-slate-100 text-slate-700",
  APPLYING: "bg-blue-100 text-blue-800",
  ROLLING_OUT: "bg-blue-100 text-blue-800",
  AWAITING_APPROVAL: "bg-amber-100 text-amber-800",
};
const LABELS: Record<string, string> = {
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  PENDING: "Pending",
  APPLYING: "Applying",
  ROLLING_OUT: "Rolling out",
  AWAITING_APPROVAL: "Awaiting approval",
};

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="rounded px-2 py-0.5 text-xs text-slate-500 ring-1 ring-slate-200">Never deployed</span>;
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? ""}`}>{LABELS[status] ?? status}</span>;
}
