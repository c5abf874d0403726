-- Promotion, approval, freeze windows (issue 14 item 4).
-- A release to an environment that requires approval waits as AWAITING_APPROVAL: the
-- queue claims only PENDING/APPLYING/ROLLING_OUT, so it is not run until a second lead
-- approves it (then PENDING) or rejects it (then FAILED, with who and why).
ALTER TYPE "ReleaseStatus" ADD VALUE 'AWAITING_APPROVAL';

-- The image digest the release's pods ran (sha256:...), recorded when it succeeded:
-- what a promotion pins.
ALTER TABLE "Release" ADD COLUMN "imageDigest" VARCHAR(80);

ALTER TABLE "Environment" ADD COLUMN "requiresApproval" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Environment" ADD COLUMN "freezeUntil" TIMESTAMPTZ(3);
ALTER TABLE "Environment" ADD COLUMN "freezeReason" VARCHAR(500);
