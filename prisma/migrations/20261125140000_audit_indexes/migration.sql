-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_data_idx" ON "AuditEvent" USING GIN ("data" jsonb_path_ops);
