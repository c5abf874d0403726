-- The dashboard's 30-day chart counts a person's teams' releases per day and outcome:
-- with appId and status in the index, that range is read from the index alone, not
-- from 16,000 scattered heap rows (43 ms at 200k releases). Newest-first lists still
-- scan it by its leading column, so the createdAt-only index goes.
DROP INDEX "Release_createdAt_idx";
CREATE INDEX "Release_createdAt_appId_status_idx" ON "Release"("createdAt", "appId", "status");
