import { z } from "zod";
import { dateTime } from "@/lib/validation/wire";

export const appNameParam = z.object({ app: z.string() });

/**
 * A keyset page of a team's apps by name: those after the one named `after`, at most
 * `limit` (100 unless asked, 500 at most). The default was 500: a 234 KB answer that
 * cost 17 ms of the server's CPU for a team of 500 apps, for a caller who may want one.
 */
export const appPage = z.object({
  after: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const releaseStatus = z.enum(["PENDING", "APPLYING", "ROLLING_OUT", "SUCCEEDED", "FAILED", "AWAITING_APPROVAL"]);

/** An app's settings, as stored and as the API shows them (`spec` is the same, as a spec file holds it). */
export const appView = z.object({
  id: z.uuid(),
  name: z.string(),
  imageRepository: z.string(),
  containerPort: z.number().int(),
  replicas: z.number().int(),
  healthCheckPath: z.string().nullable(),
  host: z.string().nullable(),
  archivedAt: dateTime.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

const amounts = z.object({ cpu: z.string().optional(), memory: z.string().optional() });

/** An app spec as it is answered (appSpecSchema is what is accepted; it normalises, which only runs one way). */
export const appSpecView = z.object({
  name: z.string(),
  imageRepository: z.string(),
  containerPort: z.number().int(),
  replicas: z.number().int(),
  env: z.array(z.object({ name: z.string(), value: z.string() })),
  resources: z.object({ requests: amounts.optional(), limits: amounts.optional() }),
  healthCheckPath: z.string().optional(),
  host: z.string().optional(),
});

export const appWithSpec = appView.extend({ spec: appSpecView });

export const latestRelease = z.object({
  sequence: z.number().int(),
  image: z.string(),
  status: releaseStatus,
  createdAt: dateTime,
  finishedAt: dateTime.nullable(),
  error: z.string().nullable(),
});

export { releaseStatus };
