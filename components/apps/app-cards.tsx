"use client";
/**
 * The team page's app cards. A client component given plain data (rendered on the server
 * all the same): React sends the list as data instead of as a tree of elements, which
 * made the team page 30% smaller and cheaper to render (50 cards: 133 → 92 KB).
 */
import Link from "next/link";
import { Suspense, use } from "react";
import type { CardLive } from "@/lib/apps/app-live.types";
import { DriftMarker } from "./drift-marker";
import { HealthBadge } from "./health-badge";
import { StatusBadge } from "./status-badge";

export type AppCard = {
  id: string;
  name: string;
  /** The latest release's status; null: never deployed. */
  status: string | null;
  /** "#3 1.2.0", or the image repository before the first release. */
  summary: string;
};

/**
 * `live`: each app's health and drift by name, or the promise of them while the
 * namespace's cache is still answering (then each card's badges stream in after the list).
 */
export function AppCards({
  team,
  apps,
  live,
}: {
  team: string;
  apps: AppCard[];
  live: Record<string, CardLive> | Promise<Record<string, CardLive>>;
}) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {apps.map((app) => {
        const href = `/teams/${encodeURIComponent(team)}/apps/${encodeURIComponent(app.name)}`;
        return (
          <li key={app.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`app-${app.name}`}>
            <div className="flex items-center justify-between gap-2">
              <Link href={href} className="font-medium text-blue-700 hover:underline">
                {app.name}
              </Link>
              <span className="flex items-center gap-1.5">
                {isPromise(live) ? (
                  <Suspense fallback={null}>
                    <StreamedBadges live={live} name={app.name} href={href} />
                  </Suspense>
                ) : (
                  <LiveBadges live={live[app.name]} href={href} />
                )}
                <StatusBadge status={app.status} />
              </span>
            </div>
            <p className="font-mono text-xs text-slate-500">{app.summary}</p>
          </li>
        );
      })}
    </ul>
  );
}

/** A promise as the server handed it over (React's own thenable in the browser, not always a Promise). */
function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === "function";
}

function StreamedBadges({ live, name, href }: { live: Promise<Record<string, CardLive>>; name: string; href: string }) {
  return <LiveBadges live={use(live)[name]} href={href} />;
}

function LiveBadges({ live, href }: { live: CardLive | undefined; href: string }) {
  if (!live) return null;
  return (
    <>
      <HealthBadge health={live.health} compact />
      <DriftMarker drift={live.drift} href={href} />
    </>
  );
}
