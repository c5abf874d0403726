-- Secrets per environment (issue 14): a secret belongs to an app in one environment.
-- Until now a value was written to the app's Secret in every environment's namespace, so
-- each existing row becomes one row per environment of the app's team (the cluster holds
-- the value in each). A team without an environment row gets its first one here.
INSERT INTO "Environment" ("id", "teamId", "name", "clusterId", "namespace", "createdAt")
SELECT gen_random_uuid(), t."id", 'production', NULL, t."namespace", t."createdAt" FROM "Team" t
WHERE NOT EXISTS (SELECT 1 FROM "Environment" e WHERE e."teamId" = t."id");

ALTER TABLE "AppSecret" ADD COLUMN "environmentId" UUID;
DROP INDEX "AppSecret_appId_name_key";

INSERT INTO "AppSecret" ("id", "appId", "name", "version", "setById", "setAt", "removedAt", "createdAt", "environmentId")
SELECT gen_random_uuid(), s."appId", s."name", s."version", s."setById", s."setAt", s."removedAt", s."createdAt", e."id"
FROM "AppSecret" s JOIN "App" a ON a."id" = s."appId" JOIN "Environment" e ON e."teamId" = a."teamId"
WHERE s."environmentId" IS NULL;

DELETE FROM "AppSecret" WHERE "environmentId" IS NULL;

ALTER TABLE "AppSecret" ALTER COLUMN "environmentId" SET NOT NULL;
CREATE UNIQUE INDEX "AppSecret_appId_environmentId_name_key" ON "AppSecret"("appId", "environmentId", "name");
CREATE INDEX "AppSecret_environmentId_idx" ON "AppSecret"("environmentId");
ALTER TABLE "AppSecret" ADD CONSTRAINT "AppSecret_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
