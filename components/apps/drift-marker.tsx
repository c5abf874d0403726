import Link from "next/link";
import type { AppLive } from "@/lib/apps/app-live.types";

/** A small "drifted" link to the app page, where the drift notice says what differs; nothing when in sync. */
export function DriftMarker({ drift, href }: { drift: { state: AppLive["drift"]["state"]; changes: { field: string }[] }; href: string }) {
  if (drift.state !== "drifted") return null;
  return (
    <Link
      href={href}
      data-testid="drifted"
      title={drift.changes.map((change) => change.field).join(", ")}
      className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 hover:underline"
    >
      drifted
    </Link>
  );
}
