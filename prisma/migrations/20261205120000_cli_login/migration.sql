-- `slipway login`: a pending sign-in of the command line. The CLI holds the secret (only
-- its sha256 is here) and polls with it; the person approves the code in the browser
-- while signed in. The API token is created when the CLI collects it, so no usable
-- secret is ever stored.
CREATE TABLE "CliLogin" (
    "id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "secretHash" CHAR(64) NOT NULL,
    "clientName" VARCHAR(100) NOT NULL,
    "userId" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "collectedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CliLogin_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CliLogin_code_key" ON "CliLogin"("code");

CREATE UNIQUE INDEX "CliLogin_secretHash_key" ON "CliLogin"("secretHash");

CREATE INDEX "CliLogin_expiresAt_idx" ON "CliLogin"("expiresAt");

ALTER TABLE "CliLogin" ADD CONSTRAINT "CliLogin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
