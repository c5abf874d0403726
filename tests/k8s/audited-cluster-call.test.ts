/**
 * Intent before, outcome after (lib/cluster/audited-cluster-call.ts): the intent is
 * committed before the cluster is called, so a change whose outcome could not be
 * recorded (a crash, the database gone) still leaves a record; the outcome names its
 * intent, and the activity views fold the two into one line.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizeTeam, authorizeUser } from "@/lib/authz/authorize";
import { auditedClusterCall } from "@/lib/cluster/audited-cluster-call";
import { describeAuditEvent, foldClusterIntents } from "@/lib/audit/describe-audit-event";
import { queryAuditEvents } from "@/lib/audit/query-audit-events";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { scaleDeployment } from "@/lib/k8s";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as teams from "@/app/api/v1/teams/route";
import type { Actor } from "@/lib/authz/actor";
import { call } from "../helpers/api";

const team = `intent-${Date.now().toString(36)}`;
let actor: Actor;

beforeAll(async () => {
  const user = await db().user.create({ data: { email: "lead@intent.test", isPlatformAdmin: true, issuer: "t", subject: "intent" } });
  actor = { ...user, via: "token" };
  const { token } = await createApiToken.run({ ctx: authorizeUser({ actor }), input: { name: "t", expiresInDays: 1 } });
  const created = await call(teams.POST, "POST", { token, body: { slug: team, name: "Intent", leadEmail: "lead@intent.test" } });
  expect(created.body.provisioning).toMatchObject({ status: "provisioned" });
});

const context = () => authorizeTeam({ actor, teamSlug: team, permissions: ["app.scale"] });
const scaleEvents = (app: string) =>
  db().auditEvent.findMany({ where: { action: "app.scale", targetId: app }, orderBy: { id: "asc" }, select: { id: true, data: true } });

describe("[audit] cluster changes: intent before, outcome after", () => {
  it("commits the intent before the call, so a failure to record the outcome still leaves a record", async () => {
    const ctx = await context();
    let seenDuringCall: unknown[] = [];
    const attempt = auditedClusterCall(
      ctx,
      {
        action: "app.scale",
        target: { type: "app", id: "lost" },
        data: { app: "lost", from: 1, to: 2 },
        after: async () => {
          throw new Error("the database went away after the cluster call");
        },
      },
      async () => {
        // Another connection sees the intent: it is committed, and no transaction is open across the call.
        seenDuringCall = (await scaleEvents("lost")).map((e) => e.data);
        return { replicas: 2 };
      },
    );
    await expect(attempt).rejects.toThrow("the database went away");
    expect(seenDuringCall).toEqual([{ app: "lost", from: 1, to: 2, result: "started" }]);
    expect((await scaleEvents("lost")).map((e) => e.data)).toEqual([{ app: "lost", from: 1, to: 2, result: "started" }]);

    // The activity shows the change that may have happened, saying nothing recorded how it ended.
    const { events } = await queryAuditEvents({ actor, filter: { team }, limit: 10 });
    const lines = foldClusterIntents(events)
      .filter((e) => e.target?.id === "lost")
      .map((e) => describeAuditEvent(e).text);
    expect(lines).toEqual(["lead@intent.test scaled lost from 1 to 2 (started; no outcome recorded yet)"]);
  });

  it("records the cluster's refusal as the outcome of its intent, folded into one line", async () => {
    const ctx = await context();
    const attempt = auditedClusterCall(
      ctx,
      { action: "app.scale", target: { type: "app", id: "missing" }, data: { app: "missing", from: 1, to: 3 } },
      ({ team: client }) => scaleDeployment(client, ctx.team.namespace, "missing", 3),
    );
    await expect(attempt).rejects.toMatchObject({ clusterStatus: 404 });
    const [intent, outcome] = await scaleEvents("missing");
    expect(intent!.data).toEqual({ app: "missing", from: 1, to: 3, result: "started" });
    expect(outcome!.data).toMatchObject({ app: "missing", from: 1, to: 3, result: "failed", intentId: String(intent!.id) });

    const { events } = await queryAuditEvents({ actor, filter: { team }, limit: 10 });
    const lines = foldClusterIntents(events)
      .filter((e) => e.target?.id === "missing")
      .map((e) => describeAuditEvent(e).text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lead@intent\.test scaled missing from 1 to 3 \(failed: /);
    expect(await verifyAuditChain({ db: db() })).toMatchObject({ ok: true });
  });
});
