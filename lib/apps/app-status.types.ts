import { z } from "zod";
import { dateTime } from "@/lib/validation/wire";
import { appLive } from "./app-live.types";

const optionalDate = dateTime.optional();

/** What runs for an app, as the cluster reports it (lib/k8s/read.ts), or why it could not be read. */
export const appStatus = z.union([
  z.object({
    view: z.object({
      deployment: z
        .object({
          generation: z.number(),
          observedGeneration: z.number(),
          image: z.string().optional(),
          releaseId: z.string().optional(),
          releaseSequence: z.number().optional(),
          replicas: z.number(),
        })
        .nullable(),
      rollout: z
        .object({
          done: z.boolean(),
          failed: z.boolean(),
          reason: z.string(),
          message: z.string(),
          updated: z.number(),
          available: z.number(),
          desired: z.number(),
        })
        .nullable(),
      pods: z.array(
        z.object({
          name: z.string(),
          phase: z.string(),
          ready: z.boolean(),
          restarts: z.number(),
          image: z.string().optional(),
          node: z.string().optional(),
          releaseId: z.string().optional(),
          startedAt: optionalDate,
          containers: z.array(z.string()),
        }),
      ),
      events: z.array(
        z.object({
          type: z.string(),
          reason: z.string(),
          message: z.string(),
          object: z.string(),
          count: z.number(),
          lastSeen: optionalDate,
        }),
      ),
      logs: z.array(z.object({ pod: z.string(), text: z.string().optional(), unavailable: z.string().optional() })),
      resources: z.array(
        z.object({
          kind: z.enum(["Deployment", "ReplicaSet", "Pod", "Service", "Ingress"]),
          name: z.string(),
          parent: z.string().nullable(),
          conditions: z.array(
            z.object({ type: z.string(), status: z.string(), reason: z.string().optional(), message: z.string().optional() }),
          ),
          yaml: z.string(),
        }),
      ),
    }),
    live: appLive,
  }),
  z.object({ error: z.string(), live: appLive.optional() }),
]);
