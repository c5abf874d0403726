-- The next sequence number of an app's releases, and whether another release of the app
-- in the environment is still to be applied (PENDING or APPLYING), both read after the
-- App row is locked (lib/deploys/request-release.ts), so a deploy that waited for the
-- lock sees the one committed before it. The replica that accepts a deploy runs it
-- itself only when none is; otherwise the queue's rule holds (the newest applies).
-- slipway_next_release_sequence stays for replicas of the previous version during a
-- rolling update.
CREATE FUNCTION slipway_next_release(app_id uuid, environment_id uuid)
RETURNS TABLE (next_sequence integer, to_apply boolean)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "App" WHERE id = app_id FOR UPDATE;
  RETURN QUERY SELECT
    (SELECT coalesce(max(r.sequence), 0) + 1 FROM "Release" r WHERE r."appId" = app_id),
    EXISTS (
      SELECT 1 FROM "Release" r
      WHERE r."appId" = app_id AND r."environmentId" IS NOT DISTINCT FROM environment_id
        AND r.status IN ('PENDING', 'APPLYING'));
END;
$$;
