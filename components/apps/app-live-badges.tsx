import type { AppLive } from "@/lib/apps/app-live.types";
import { DriftMarker } from "./drift-marker";
import { HealthBadge } from "./health-badge";

/** An app's health and drift badges; nothing while unknown. */
export function LiveBadges({ live, href }: { live: AppLive | undefined; href: string }) {
  if (!live) return null;
  return (
    <>
      <HealthBadge health={live.health} compact />
      <DriftMarker drift={live.drift} href={href} />
    </>
  );
}

/**
 * The same once its team's live state is read, for a page that streams the list first
 * and these after (render inside <Suspense>).
 */
export async function AppLiveBadges({ live, name, href }: { live: Promise<Map<string, AppLive>>; name: string; href: string }) {
  return <LiveBadges live={(await live).get(name)} href={href} />;
}
