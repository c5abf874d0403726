-- The team of a release's app, on the release, so that a team's deploys per day (the
-- home page's charts, lib/dashboard/count-deploys-per-day.ts) are one range of an
-- index per team. Before, the chart read every release of the last 30 days of every
-- team and joined them to the person's apps: 6-8 ms of PostgreSQL per home page at the
-- bench's large size (16,500 releases read to count 4,100).
-- An app never changes team, so the copy cannot go stale. The trigger fills it on every
-- insert, whoever writes the release (and replicas of the previous version during a
-- rolling update, which do not know the column).
ALTER TABLE "Release" ADD COLUMN "teamId" uuid;
UPDATE "Release" r SET "teamId" = a."teamId" FROM "App" a WHERE a.id = r."appId";
ALTER TABLE "Release" ALTER COLUMN "teamId" SET NOT NULL;

CREATE FUNCTION slipway_release_team() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT a."teamId" INTO NEW."teamId" FROM "App" a WHERE a.id = NEW."appId";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Release_teamId" BEFORE INSERT ON "Release"
FOR EACH ROW EXECUTE FUNCTION slipway_release_team();

CREATE INDEX "Release_teamId_createdAt_status_idx" ON "Release" ("teamId", "createdAt", status);

-- Each app's release in flight (APPLYING, ROLLING_OUT), for the live view
-- (lib/apps/app-live-history.ts): one probe per app. Without it, an app's current release
-- was the top of a sort of all its releases; with only Release(status), each app would
-- read every release in flight on the platform. Partial, so it holds only those.
CREATE INDEX "Release_in_flight_idx" ON "Release" ("appId", sequence) WHERE status IN ('APPLYING', 'ROLLING_OUT');
