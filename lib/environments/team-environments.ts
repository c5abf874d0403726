/**
 * A team's environments: a namespace on a cluster each (clusterId null: the built-in
 * default cluster). The first one (by creation) is the default, where calls that name no
 * environment go, so single-environment teams and older clients work as before. Every
 * team gets "production" in its own namespace (the migration, createTeam); a team row
 * without any (made directly in the database) gets the same one, unsaved (id null).
 * Releases recorded before environments have no environmentId: they are the default's.
 */
import { cache } from "react";
import { db } from "@/lib/db";
import type { AnyTeamContext, TeamRef } from "@/lib/authz/team-context";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_CLUSTER_NAME } from "@/lib/clusters/cluster.types";
import type { EnvironmentView } from "./environment.types";
import { frozenUntil } from "./release-gate";

export type TeamEnvironment = {
  id: string | null;
  name: string;
  namespace: string;
  clusterId: string | null;
  clusterName: string;
  isDefault: boolean;
  /** Deploys and promotions here wait for a lead other than the requester. */
  requiresApproval: boolean;
  /** Deploys and promotions are refused until then, unless a lead overrides. */
  freezeUntil: Date | null;
  freezeReason: string | null;
};

export const FIRST_ENVIRONMENT_NAME = "production";

type Row = {
  id: string;
  teamId: string;
  name: string;
  namespace: string;
  clusterId: string | null;
  /** null: the built-in default cluster */
  clusterName: string | null;
  requiresApproval: boolean;
  freezeUntil: Date | null;
  freezeReason: string | null;
};

/** An environment row with its cluster's name: one join instead of Prisma's second query for the relation. */
const COLUMNS = Prisma.sql`e.id::text, e."teamId"::text AS "teamId", e.name, e.namespace, e."clusterId"::text AS "clusterId",
  c.name AS "clusterName", e."requiresApproval", e."freezeUntil", e."freezeReason"`;
const FROM = Prisma.sql`"Environment" e LEFT JOIN "Cluster" c ON c.id = e."clusterId"`;

const fromRow = ({ teamId: _teamId, clusterName, ...row }: Row, isDefault: boolean): TeamEnvironment => ({
  ...row,
  clusterName: clusterName ?? DEFAULT_CLUSTER_NAME,
  isDefault,
});

const unsaved = (team: Pick<TeamRef, "namespace">): TeamEnvironment => ({
  id: null,
  name: FIRST_ENVIRONMENT_NAME,
  namespace: team.namespace,
  clusterId: null,
  clusterName: DEFAULT_CLUSTER_NAME,
  isDefault: true,
  requiresApproval: false,
  freezeUntil: null,
  freezeReason: null,
});

/** The team's environments, the default first (a deploy reads them first). */
export function teamEnvironments(team: Pick<TeamRef, "id" | "namespace">): Promise<TeamEnvironment[]> {
  return environmentsOfTeam(team.id, team.namespace);
}

/** One read per page render, however many of its use-cases ask (React's `cache`, as findApp); callers share the list. */
const environmentsOfTeam = cache(async (teamId: string, namespace: string): Promise<TeamEnvironment[]> => {
  const rows = await db().$queryRaw<
    Row[]
  >`SELECT ${COLUMNS} FROM ${FROM} WHERE e."teamId" = ${teamId}::uuid ORDER BY e."createdAt", e.name`;
  return rows.length === 0 ? [unsaved({ namespace })] : rows.map((row, index) => fromRow(row, index === 0));
});

/** The environment a call names, or the team's default when it names none. */
export async function environmentOf(ctx: AnyTeamContext, name: string | undefined): Promise<TeamEnvironment> {
  const environments = await teamEnvironments(ctx.team);
  if (name === undefined) return environments[0]!;
  const found = environments.find((environment) => environment.name === name);
  if (!found) {
    throw new AppError(
      "NOT_FOUND",
      `${ctx.team.name} has no environment "${name}" (it has ${environments.map((e) => e.name).join(", ")}).`,
      {
        fieldErrors: { environment: ["is not one of the team's environments"] },
      },
    );
  }
  return found;
}

/** Each team's default environment, by team id, in one query. */
export async function defaultEnvironments(teams: Pick<TeamRef, "id" | "namespace">[]): Promise<Map<string, TeamEnvironment>> {
  const ids = [...new Set(teams.map((team) => team.id))];
  const rows = ids.length
    ? await db().$queryRaw<Row[]>`
        SELECT DISTINCT ON (e."teamId") ${COLUMNS} FROM ${FROM}
        WHERE e."teamId" = ANY (${ids}::uuid[]) ORDER BY e."teamId", e."createdAt", e.name`
    : [];
  const found = new Map(rows.map((row) => [row.teamId, fromRow(row, true)]));
  return new Map(teams.map((team) => [team.id, found.get(team.id) ?? unsaved(team)]));
}

/** The releases that belong to an environment. */
export function releasesIn(environment: TeamEnvironment): Prisma.ReleaseWhereInput {
  if (environment.id === null) return { environmentId: null };
  return environment.isDefault ? { OR: [{ environmentId: environment.id }, { environmentId: null }] } : { environmentId: environment.id };
}

export function viewOfEnvironment(environment: TeamEnvironment): EnvironmentView {
  const frozen = frozenUntil(environment);
  return {
    name: environment.name,
    cluster: environment.clusterName,
    namespace: environment.namespace,
    default: environment.isDefault,
    requiresApproval: environment.requiresApproval,
    freezeUntil: frozen,
    freezeReason: frozen ? environment.freezeReason : null,
  };
}
