import type { z } from "zod";
import type { FormAction } from "@/lib/adapters/form-action";
import { versionOf } from "@/lib/apps/app-spec.types";
import type { releaseWithPeople } from "@/lib/deploys/release.types";
import { ReleaseRows, type ReleaseRow } from "./release-rows";

type Release = z.output<typeof releaseWithPeople>;

function duration(from: Date, to: Date | null) {
  if (!to) return "—";
  const s = Math.round((to.getTime() - from.getTime()) / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}

/**
 * The release table; a rollback is offered on each earlier successful release of the same
 * environment when `rollback` is given. With several environments each row names its own.
 */
export function ReleaseHistory(props: {
  base: string;
  app: string;
  releases: Release[];
  rollback?: FormAction;
  newRollbackKey: () => string;
}) {
  const environmentOf = (r: Release) => r.environment?.name ?? "";
  const lastSucceeded = new Map<string, string>();
  for (const r of props.releases)
    if (r.status === "SUCCEEDED" && !lastSucceeded.has(environmentOf(r))) lastSucceeded.set(environmentOf(r), r.id);
  const several = new Set(props.releases.map(environmentOf)).size > 1;
  const rows = props.releases.map((r): ReleaseRow => ({
    id: r.id,
    sequence: r.sequence,
    image: r.image,
    version: versionOf(r.image),
    environment: several ? (r.environment?.name ?? null) : null,
    rollbackOf: r.rollbackOf?.sequence ?? null,
    requestedBy: r.requestedBy?.email ?? null,
    at: r.createdAt.toISOString(),
    took: duration(r.createdAt, r.finishedAt),
    status: r.status,
    error: r.error ?? null,
    rollback:
      props.rollback && r.status === "SUCCEEDED" && r.id !== lastSucceeded.get(environmentOf(r))
        ? {
            sequence: String(r.sequence),
            idempotencyKey: props.newRollbackKey(),
            ...(r.environment ? { environment: r.environment.name } : {}),
          }
        : null,
  }));
  return <ReleaseRows base={props.base} app={props.app} rows={rows} rollback={props.rollback} />;
}
