-- The release queue (lib/engine): the team role the requester had (the runner mints its
-- token for that ServiceAccount), the claim of the replica running the release (renewed
-- while it runs; an expired claim lets any replica take the release over), and the last
-- rollout counts, so a browser that attaches late sees them at once.
ALTER TABLE "Release" ADD COLUMN "clusterRole" TEXT NOT NULL DEFAULT 'deployer';
ALTER TABLE "Release" ADD COLUMN "claimedBy" VARCHAR(100);
ALTER TABLE "Release" ADD COLUMN "claimExpiresAt" TIMESTAMPTZ(3);
ALTER TABLE "Release" ADD COLUMN "progress" JSONB;
