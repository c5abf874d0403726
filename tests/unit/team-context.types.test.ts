/**
 * The context type carries the permissions it was checked for. These lines are checked
 * by `tsc` (npm test's typecheck step): each @ts-expect-error must stay an error, or
 * the typecheck fails. The runtime assertions only keep vitest honest.
 */
import { describe, expect, it } from "vitest";
import type { TeamContext } from "@/lib/authz/team-context";
import { applyAppSpec } from "@/lib/apps/apply-app-spec";
import { createApp } from "@/lib/apps/create-app";
import { restartApp } from "@/lib/apps/restart-app";
import { scaleApp } from "@/lib/apps/scale-app";
import { deployApp } from "@/lib/deploys/deploy-app";

function typeOnly(check: () => void) {
  return check;
}

describe("[authz] a context proves which check ran", () => {
  it("refuses a weaker context at compile time", () => {
    const checks = [
      typeOnly(() => {
        const readCtx = {} as TeamContext<"app.read">;
        // @ts-expect-error a context made for app.read cannot restart an app
        void restartApp.run({ ctx: readCtx, input: { app: "web" } });
        // @ts-expect-error nor scale it
        void scaleApp.run({ ctx: readCtx, input: { app: "web", replicas: 1 } });
        // @ts-expect-error nor deploy it
        void deployApp.run({ ctx: readCtx, input: { app: "web", version: "v1" } });
      }),
      typeOnly(() => {
        const createOnly = {} as TeamContext<"app.create">;
        // @ts-expect-error applying a spec file may update, so it needs app.update too
        void applyAppSpec.run({ ctx: createOnly, input: { text: "" } });
      }),
      typeOnly(() => {
        // A context checked for more permissions is accepted where fewer are needed.
        const both = {} as TeamContext<"app.create" | "app.update">;
        void createApp.run;
        const accepted: Parameters<typeof createApp.run>[0]["ctx"] = both;
        void accepted;
      }),
    ];
    expect(checks).toHaveLength(3);
  });
});
