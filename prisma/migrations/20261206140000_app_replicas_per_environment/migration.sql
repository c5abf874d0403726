-- Scale in an environment other than the team's default keeps its count here, instead of
-- changing the app's own replicas (which every other environment's next deploy would use).
CREATE TABLE "AppReplicas" (
    "appId" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "replicas" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppReplicas_pkey" PRIMARY KEY ("appId", "environmentId")
);

CREATE INDEX "AppReplicas_environmentId_idx" ON "AppReplicas"("environmentId");

ALTER TABLE "AppReplicas" ADD CONSTRAINT "AppReplicas_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AppReplicas" ADD CONSTRAINT "AppReplicas_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
