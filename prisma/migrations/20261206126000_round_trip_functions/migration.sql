-- Steps of the deploy path that each took several round trips, as one call each.
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

-- A claimed release's turn to be applied (lib/deploys/apply-in-turn.ts), one call
-- instead of a transaction of six statements. One app's releases in one environment
-- take turns (environments do not wait for each other): under that pair's apply lock,
-- 'superseded' (with the newer release's sequence) when a newer release of the same
-- environment reached the cluster, 'wait' while another of them is being applied,
-- 'lost' when the claim is gone, else 'go' with the release marked APPLYING, and whether
-- an earlier applied release there had a host (an Ingress of Slipway's may be left to
-- delete). The lock ends with the call.
CREATE FUNCTION slipway_take_apply_turn(release_id uuid, worker_id text)
RETURNS TABLE (kind text, "by" integer, "hadHost" boolean)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  app_id uuid;
  env_id uuid;
  seq integer;
  newer integer;
BEGIN
  SELECT "appId", "environmentId", sequence INTO app_id, env_id, seq FROM "Release" WHERE id = release_id;
  IF app_id IS NULL THEN
    RETURN QUERY SELECT 'lost'::text, NULL::integer, false;
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('apply:' || app_id::text || ':' || coalesce(env_id::text, ''), 0));
  SELECT max(sequence) INTO newer FROM "Release"
    WHERE "appId" = app_id AND "environmentId" IS NOT DISTINCT FROM env_id AND sequence > seq AND generation IS NOT NULL;
  IF newer IS NOT NULL THEN
    RETURN QUERY SELECT 'superseded'::text, newer, false;
    RETURN;
  END IF;
  IF EXISTS (
    SELECT 1 FROM "Release"
    WHERE "appId" = app_id AND "environmentId" IS NOT DISTINCT FROM env_id AND id <> release_id
      AND status = 'APPLYING' AND "claimExpiresAt" > now()
  ) THEN
    RETURN QUERY SELECT 'wait'::text, NULL::integer, false;
    RETURN;
  END IF;
  UPDATE "Release" SET status = 'APPLYING'
    WHERE id = release_id AND "claimedBy" = worker_id AND status IN ('PENDING', 'APPLYING');
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'lost'::text, NULL::integer, false;
    RETURN;
  END IF;
  RETURN QUERY SELECT 'go'::text, NULL::integer, EXISTS (
    SELECT 1 FROM "Release"
    WHERE "appId" = app_id AND "environmentId" IS NOT DISTINCT FROM env_id AND sequence < seq
      AND generation IS NOT NULL AND spec->>'host' IS NOT NULL);
END;
$$;
