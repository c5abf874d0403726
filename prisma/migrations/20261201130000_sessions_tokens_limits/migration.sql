-- Issue 11. Sessions and tokens end at once: each JWT carries the user's sessionVersion,
-- bumped on sign-out, on a change of admin rights and when the user is disabled; a
-- disabled user's sessions and tokens are refused. groups: the IdP's groups at the last
-- sign-in, so admin by group is re-derived from configuration at start-up.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "disabledAt" TIMESTAMPTZ(3);
ALTER TABLE "User" ADD COLUMN "groups" JSONB NOT NULL DEFAULT '[]';

-- A token made with a token: never outlives its parent, and is revoked with it.
ALTER TABLE "ApiToken" ADD COLUMN "parentId" UUID;
CREATE INDEX "ApiToken_parentId_idx" ON "ApiToken"("parentId");
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Fixed-window counters shared by every replica (lib/rate-limit): failed bearer tokens
-- and sign-ins per client address.
CREATE TABLE "RateLimit" (
    "key" VARCHAR(200) NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");
