/**
 * lib/apps/app-live-history.ts: which release the live view compares the cluster with.
 * The newest in flight (APPLYING, ROLLING_OUT), else the newest that succeeded; a failed
 * or pending release never counts; each environment sees its own
 * releases, and the default environment also those recorded before environments. The
 * Release(teamId) copy the dashboard counts by is the app's team, filled on insert.
 */
import { expect, it } from "vitest";
import { liveHistory, type LiveScope } from "@/lib/apps/app-live-history";
import { db } from "@/lib/db";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { teamWithApp } from "../helpers/engine-fixtures";

it("[apps] the current release is the newest in flight, else the newest that succeeded, per environment", async () => {
  const { user, team, app } = await teamWithApp("live-history");
  const environment = (name: string) =>
    db().environment.create({ data: { teamId: team.id, name, namespace: `team-live-history-${name}` } });
  const [production, staging] = [await environment("production"), await environment("staging")];
  let sequence = 0;
  const release = (status: ReleaseStatus, environmentId: string | null) =>
    db().release.create({
      data: { appId: app.id, sequence: ++sequence, image: `web:${sequence}`, spec: {}, status, environmentId, requestedById: user.id },
    });
  const scope = (env: { id: string; name: string; namespace: string }, isDefault: boolean): LiveScope => ({
    key: env.name,
    appId: app.id,
    environmentId: env.id,
    isDefault,
    teamId: team.id,
    app: app.name,
    environment: env.name,
    namespace: env.namespace,
  });
  const current = async () => {
    const found = await liveHistory([scope(production, true), scope(staging, false)]);
    return { production: found.get("production")?.release.sequence, staging: found.get("staging")?.release.sequence };
  };

  await release("SUCCEEDED", null); // 1: before environments, the default's
  await release("FAILED", production.id); // 2
  expect(await current()).toEqual({ production: 1, staging: undefined });

  await release("SUCCEEDED", staging.id); // 3
  await release("ROLLING_OUT", production.id); // 4
  await release("SUCCEEDED", production.id); // 5: newer, but 4 is still rolling out
  expect(await current()).toEqual({ production: 4, staging: 3 });

  await db().release.updateMany({ where: { appId: app.id, sequence: 4 }, data: { status: "FAILED" } }); // superseded
  await release("APPLYING", staging.id); // 6
  await release("PENDING", production.id); // 7: not applied yet
  expect(await current()).toEqual({ production: 5, staging: 6 });

  const teams = await db().release.groupBy({ by: ["teamId"], where: { appId: app.id }, _count: true });
  expect(teams).toEqual([{ teamId: team.id, _count: 7 }]);
});
