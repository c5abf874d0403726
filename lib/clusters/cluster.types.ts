import { z } from "zod";
import { dnsLabel } from "@/lib/validation/fields";
import { dateTime } from "@/lib/validation/wire";

/** The built-in cluster (lib/platform-cluster.ts): it has no row in the Cluster table. */
export const DEFAULT_CLUSTER_NAME = "default";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const registerClusterInput = z.object({
  name: dnsLabel(40).refine((name) => name !== DEFAULT_CLUSTER_NAME, `"${DEFAULT_CLUSTER_NAME}" is the built-in cluster's name`),
  server: z
    .url({ error: "must be the API server's URL, e.g. https://k8s.example.com:6443" })
    .refine((url) => url.startsWith("https://"), "must start with https://"),
  /** PEM (or its base64); blank: the system's trusted CAs. */
  caData: z.preprocess(blankToUndefined, z.string().max(20_000, "must be at most 20,000 characters").optional()),
  token: z.string({ error: "is required" }).trim().min(1, "is required").max(10_000, "must be at most 10,000 characters"),
});

/** A cluster as anyone sees it: never the credential. */
export const clusterView = z.object({
  name: z.string(),
  server: z.string(),
  builtIn: z.boolean(),
  hasCa: z.boolean(),
  createdAt: dateTime.nullable(),
});
export type ClusterView = z.output<typeof clusterView>;

export const clusterCheckView = z.object({
  cluster: z.string(),
  reachable: z.boolean(),
  version: z.string().nullable(),
  platformRole: z.object({ bound: z.boolean(), missing: z.array(z.string()) }).nullable(),
  admissionPolicies: z.object({ installed: z.array(z.string()), missing: z.array(z.string()), unknown: z.array(z.string()) }).nullable(),
  problems: z.array(z.string()),
});

export const clusterSelect = { id: true, name: true, server: true, caData: true, createdAt: true } as const;

export function viewOfCluster(row: { name: string; server: string; caData: string | null; createdAt: Date }): ClusterView {
  return { name: row.name, server: row.server, builtIn: false, hasCa: Boolean(row.caData), createdAt: row.createdAt };
}
