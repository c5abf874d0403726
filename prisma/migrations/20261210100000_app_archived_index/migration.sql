-- A team's archived apps by name (the team page's "Archived apps", GET
-- /teams/{team}/apps?archived=true). Before, App(teamId, name) served it by reading every
-- app of the team and keeping the archived ones: for a team of 500 apps and none
-- archived, about 1 ms of PostgreSQL on every view of the team page. Partial, so it
-- holds only the archived apps.
CREATE INDEX "App_archived_idx" ON "App" ("teamId", name) WHERE "archivedAt" IS NOT NULL;
