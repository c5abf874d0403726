import { z } from "zod";
import { dateTime } from "@/lib/validation/wire";

/** An app's live health and drift (lib/apps/app-live.ts), as GET .../status and the app page show them. */
export const appLive = z.object({
  health: z.object({ state: z.enum(["Healthy", "Progressing", "Degraded", "Missing"]), reason: z.string() }).nullable(),
  /** The release the cluster should be running: the latest that succeeded. */
  release: z.object({ sequence: z.number().int(), image: z.string() }).nullable(),
  drift: z.object({
    state: z.enum(["in-sync", "drifted", "unknown"]),
    changes: z.array(z.object({ field: z.string(), expected: z.string().nullable(), live: z.string().nullable() })),
    /** kubectl writes to the app since that release, newest first (from the audit log). */
    changedBy: z.array(
      z.object({ email: z.string().nullable(), at: dateTime, verb: z.string(), resource: z.string(), name: z.string().nullable() }),
    ),
  }),
  /** Why the live state could not be read (the cluster did not answer yet), if so. */
  error: z.string().optional(),
});

export type AppLive = z.output<typeof appLive>;

/** What a list shows of an app's live state (badges): health, and drift's state and fields. */
export type CardLive = { health: AppLive["health"]; drift: { state: AppLive["drift"]["state"]; changes: { field: string }[] } };

/** The part of `live` a list sends to the browser: not the expected and live values, not who changed them. */
export function cardLiveOf({ health, drift }: Pick<AppLive, "health" | "drift">): CardLive {
  return { health, drift: { state: drift.state, changes: drift.changes.map(({ field }) => ({ field })) } };
}
