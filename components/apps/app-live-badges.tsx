import type { AppLive } from "@/lib/apps/app-live.types";
import { DriftMarker } from "./drift-marker";
import { HealthBadge } from "./health-badge";

/**
 * An app's health and drift badges once its team's live state is read: the page streams
 * the list first and these after (render inside <Suspense>); nothing while unknown.
 */
export async function AppLiveBadges({ live, name, href }: { live: Promise<Map<string, AppLive>>; name: string; href: string }) {
  const appLive = (await live).get(name);
  if (!appLive) return null;
  return (
    <>
      <HealthBadge health={appLive.health} compact />
      <DriftMarker drift={appLive.drift} href={href} />
    </>
  );
}
