import { attachment, sessionTeamRoute } from "@/lib/api/session-route";
import { exportAppSpec } from "@/lib/apps/export-app-spec";

export const dynamic = "force-dynamic";

/** The app's spec file for the browser (the export link); the API has its own with a token. */
export const GET = sessionTeamRoute<{ team: string; app: string }>("app.read", async ({ ctx, params }) => {
  const { yaml, filename } = await exportAppSpec({ ctx, app: params.app });
  return attachment(yaml, filename, "application/yaml; charset=utf-8");
});
