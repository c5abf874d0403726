-- Two steps of the deploy's accept path that each took two round trips, as one call each.
-- A VOLATILE plpgsql function takes a new snapshot for every statement it runs (READ
-- COMMITTED), so what it reads after a lock is granted is what the previous holder
-- committed: the lock and the read that must follow it fit in one round trip.

-- The next sequence number of an app's releases: the App row is locked (FOR UPDATE,
-- serialising requests for one app) and only then is the highest sequence read.
CREATE FUNCTION slipway_next_release_sequence(app_id uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "App" WHERE id = app_id FOR UPDATE;
  RETURN (SELECT coalesce(max(sequence), 0) + 1 FROM "Release" WHERE "appId" = app_id);
END;
$$;

-- The audit chain's append, first half (lib/audit/record-audit-event.ts): the rows the
-- event references are locked FOR KEY SHARE, then the chain's advisory lock is taken
-- (lock order: domain rows, then the chain), then the chain's head is read. The caller
-- inserts the event linked to that head and commits.
CREATE FUNCTION slipway_lock_audit_chain(team_id uuid, actor_id uuid, chain_lock bigint)
RETURNS TABLE (hash char(64), "createdAt" timestamptz(3))
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "Team" WHERE id = team_id FOR KEY SHARE;
  PERFORM 1 FROM "User" WHERE id = actor_id FOR KEY SHARE;
  PERFORM pg_advisory_xact_lock(chain_lock);
  RETURN QUERY SELECT e.hash, e."createdAt" FROM "AuditEvent" e ORDER BY e.id DESC LIMIT 1;
END;
$$;
