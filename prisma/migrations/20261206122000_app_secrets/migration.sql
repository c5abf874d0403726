-- Secrets: an app's named secret values live only in a Kubernetes Secret in the team
-- namespace. Slipway keeps each name, its version (counting every set, kept across an
-- unset so a re-set never reuses a number), who set it and when. Never a value.
-- (An environment column joins the unique key when apps get environments.)
CREATE TABLE "AppSecret" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "version" INTEGER NOT NULL,
    "setById" UUID,
    "setAt" TIMESTAMPTZ(3) NOT NULL,
    "removedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppSecret_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AppSecret_appId_name_key" ON "AppSecret"("appId", "name");

ALTER TABLE "AppSecret" ADD CONSTRAINT "AppSecret_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "AppSecret" ADD CONSTRAINT "AppSecret_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
