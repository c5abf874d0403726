-- The audit chain is sealed by one sealer instead of under a lock every writer takes.
-- An audited transaction now only INSERTs its event (no hash, no lock), so audited
-- writes no longer queue behind each other; the sealer (lib/audit/seal-audit-chain.ts)
-- links committed events in the order it finds them: it gives each its place in the
-- chain (seq) and its prevHash and hash, under an advisory lock of its own.
--
-- Rows sealed before this migration keep their hashes; their place is their id, so
-- anchors signed before it (they name the row id of the head) still match.
ALTER TABLE "AuditEvent" ADD COLUMN "seq" BIGINT;

ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent" SET "seq" = "id";
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

ALTER TABLE "AuditEvent" ALTER COLUMN "prevHash" DROP NOT NULL, ALTER COLUMN "hash" DROP NOT NULL;
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
-- The sealer's work list: committed events not yet in the chain (few, and short-lived).
CREATE INDEX "AuditEvent_unsealed_idx" ON "AuditEvent"("id") WHERE "seq" IS NULL;

-- Still append-only, with one exception: sealing, once. An UPDATE may only set the
-- chain columns of an unsealed row; every other column stays as it was written.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD."seq" IS NULL
       AND NEW."seq" IS NOT NULL AND NEW."prevHash" IS NOT NULL AND NEW."hash" IS NOT NULL
       AND (to_jsonb(NEW) - 'seq' - 'prevHash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prevHash' - 'hash') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

-- Only the sealer links rows: an INSERT that brings its own place or hashes is refused.
-- And time never runs backwards along ids (clock steps, replicas with skew): an event is
-- never older than the newest committed one, so a time range is an id range to within
-- the moment between two concurrent inserts (lib/audit/query-audit-events.ts). That was
-- done under the chain's lock before; it is one index probe here.
CREATE FUNCTION "audit_event_inserted_unsealed"() RETURNS trigger AS $$
BEGIN
    IF NEW."seq" IS NOT NULL OR NEW."prevHash" IS NOT NULL OR NEW."hash" IS NOT NULL THEN
        RAISE EXCEPTION 'AuditEvent rows are inserted unsealed: seq, prevHash and hash are set by the sealer'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW."createdAt" := GREATEST(NEW."createdAt", (SELECT e."createdAt" FROM "AuditEvent" e ORDER BY e.id DESC LIMIT 1));
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_inserted_unsealed"
    BEFORE INSERT ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_inserted_unsealed"();

-- Writers no longer take the chain's lock (the function's only caller is gone).
DROP FUNCTION slipway_lock_audit_chain(uuid, uuid, bigint);
