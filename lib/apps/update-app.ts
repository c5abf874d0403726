import { z } from "zod";
import { db } from "@/lib/db";
import { recordTeamEvent } from "@/lib/audit/audit-events";
import { AppError } from "@/lib/errors";
import { assertEnvNotSecret } from "@/lib/apps/assert-env-not-secret";
import { teamUseCase } from "@/lib/usecase/define";
import { assertAppHostAllowed } from "./app-host";
import { appSpecSchema } from "./app-spec.types";
import { appView } from "./app.types";
import { findApp } from "./find-app";
import { appSettingsOf, specOfApp } from "./spec-of-app";

/** Replaces the app's settings; they take effect at the next deploy. The audit event lists what changed. */
export const updateApp = teamUseCase({
  name: "updateApp",
  summary: "Replace the app's settings (the same spec as registering); effective at the next deploy",
  permissions: ["app.update"],
  input: z.object({ app: z.string(), spec: appSpecSchema }),
  output: appView,
  route: { method: "PUT", path: "/teams/{team}/apps/{app}" },
  async run({ ctx, input }) {
    const { spec } = input;
    if (spec.name !== input.app) {
      throw new AppError("INVALID_INPUT", "An app cannot be renamed; register a new one instead.", {
        fieldErrors: { "spec.name": ["cannot change"] },
      });
    }
    assertAppHostAllowed(ctx.team, spec.host);
    return db().$transaction(async (tx) => {
      const before = await findApp(ctx, input.app, { tx });
      await assertEnvNotSecret(tx, before.id, spec.env);
      const after = await tx.app.update({ where: { id: before.id }, data: appSettingsOf(spec) });
      const old = specOfApp(before);
      const now = specOfApp(after);
      const changed = (Object.keys(now) as (keyof typeof now)[]).filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]));
      await recordTeamEvent(tx, ctx, "app.update", { target: { type: "app", id: after.name }, data: { app: after.name, changed } });
      return after;
    });
  },
});
