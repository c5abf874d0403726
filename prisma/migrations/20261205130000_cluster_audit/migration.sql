-- Which door an audit event came through ("session" = the UI, "token" = the API,
-- "cli" = the admin CLI, "kubectl" = the API server's audit webhook), for the activity
-- page's tool filter; and, for events from the audit webhook, the API server's auditID,
-- unique so a retried webhook batch appends nothing twice.
ALTER TABLE "AuditEvent" ADD COLUMN "via" VARCHAR(16);
ALTER TABLE "AuditEvent" ADD COLUMN "clusterAuditId" VARCHAR(64);
CREATE UNIQUE INDEX "AuditEvent_clusterAuditId_key" ON "AuditEvent"("clusterAuditId");
CREATE INDEX "AuditEvent_via_id_idx" ON "AuditEvent"("via", "id");
