-- The live view's "what changed since the release" (lib/apps/app-live-history.ts): per app,
-- its team's Slipway scales and kubectl writes since a time. Through
-- AuditEvent(teamId, action, createdAt) each app's lookup read every such event of its whole
-- team since then and kept the app's: 100 apps on the dashboard took 430 ms (p50) at a
-- million events. Partial, so the other actions' inserts do not maintain it.
CREATE INDEX "AuditEvent_app_events_idx" ON "AuditEvent" ("teamId", action, (data->>'app'), "createdAt")
  WHERE action IN ('app.scale', 'kubectl.write');
