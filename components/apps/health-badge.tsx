import type { AppLive } from "@/lib/apps/app-live.types";

const STYLES: Record<string, string> = {
  Healthy: "bg-green-100 text-green-800",
  Progressing: "bg-blue-100 text-blue-800",
  Degraded: "bg-red-100 text-red-800",
  Missing: "bg-amber-100 text-amber-800",
};

/** Live health from the namespace's watch, with the reason next to it (`compact`: as its tooltip). */
export function HealthBadge({ health, compact = false }: { health: AppLive["health"]; compact?: boolean }) {
  if (!health) return null;
  if (compact) {
    return (
      <span data-testid="health" title={health.reason} className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[health.state] ?? ""}`}>
        {health.state}
      </span>
    );
  }
  return (
    <p data-testid="health" className="flex flex-wrap items-center gap-2 text-sm">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[health.state] ?? ""}`}>{health.state}</span>
      <span className="text-slate-600">{health.reason}</span>
    </p>
  );
}
