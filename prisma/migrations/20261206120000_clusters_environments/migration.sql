-- Clusters registered by platform admins (the built-in "default" cluster has no row)
-- and team environments: a namespace on a cluster each. Every existing team gets one
-- environment, "production", on the default cluster in the namespace it has today, and
-- its releases are recorded as that environment's.
CREATE TABLE "Cluster" (
    "id" UUID NOT NULL,
    "name" VARCHAR(63) NOT NULL,
    "server" TEXT NOT NULL,
    "caData" TEXT,
    "credentialCiphertext" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

CREATE TABLE "Environment" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "name" VARCHAR(30) NOT NULL,
    "clusterId" UUID,
    "namespace" VARCHAR(63) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Environment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Environment_teamId_name_key" ON "Environment"("teamId", "name");
CREATE INDEX "Environment_clusterId_idx" ON "Environment"("clusterId");
ALTER TABLE "Environment" ADD CONSTRAINT "Environment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Environment" ADD CONSTRAINT "Environment_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Release" ADD COLUMN "environmentId" UUID;
ALTER TABLE "Release" ADD CONSTRAINT "Release_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Release_environmentId_appId_sequence_idx" ON "Release"("environmentId", "appId", "sequence");

INSERT INTO "Environment" ("id", "teamId", "name", "clusterId", "namespace", "createdAt")
SELECT gen_random_uuid(), t."id", 'production', NULL, t."namespace", t."createdAt" FROM "Team" t;

UPDATE "Release" r SET "environmentId" = e."id"
FROM "App" a JOIN "Environment" e ON e."teamId" = a."teamId" AND e."name" = 'production'
WHERE r."appId" = a."id";
