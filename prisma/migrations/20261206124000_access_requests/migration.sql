-- Access requests and time-bound grants (issue 15). A membership may end at expiresAt,
-- returning to expiresTo (the role held before) or ending when that is null. A team
-- bounds how long a requested grant may last.
ALTER TABLE "Membership" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);
ALTER TABLE "Membership" ADD COLUMN "expiresTo" "Role";
CREATE INDEX "Membership_expiresAt_idx" ON "Membership"("expiresAt");

ALTER TABLE "Team" ADD COLUMN "accessMaxHours" INTEGER NOT NULL DEFAULT 168;

CREATE TYPE "AccessRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED');

CREATE TABLE "AccessRequest" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "hours" INTEGER,
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" VARCHAR(500),
    "grantedRole" "Role",
    "grantedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AccessRequest_teamId_status_idx" ON "AccessRequest"("teamId", "status");
CREATE INDEX "AccessRequest_requesterId_idx" ON "AccessRequest"("requesterId");
CREATE INDEX "AccessRequest_status_expiresAt_idx" ON "AccessRequest"("status", "expiresAt");

ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
