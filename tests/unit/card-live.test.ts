import { describe, expect, it } from "vitest";
import { cardLiveOf } from "@/lib/apps/app-live.types";

describe("[apps] what a list sends of an app's live state", () => {
  it("keeps health and each drifted field's name, not the values or who changed them", () => {
    const card = cardLiveOf({
      health: { state: "Healthy", reason: "2 of 2 replicas available." },
      drift: {
        state: "drifted",
        changes: [{ field: "replicas", expected: "2", live: "5" }],
        changedBy: [{ email: "someone@example.com", at: new Date(), verb: "patch", resource: "deployments", name: "web" }],
      },
    });
    expect(card).toEqual({
      health: { state: "Healthy", reason: "2 of 2 replicas available." },
      drift: { state: "drifted", changes: [{ field: "replicas" }] },
    });
  });
});
