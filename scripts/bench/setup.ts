/**
 * What every run starts from: a migrated database holding one platform admin with a
 * personal access token (written directly, as `npm run admin -- create-token` would),
 * then, through the API, a provisioned team with the apps the deploy benchmarks use.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { runMigrations } from "@/lib/migrations/run-migrations";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { generateToken } from "@/lib/tokens/token-format";
import { request } from "./http";

const execFileAsync = promisify(execFile);

export const BENCH_EMAIL = "bench@slipway.test";

export type Principal = { userId: string; token: string };

export async function prepareDatabase(sql: SqlConnection): Promise<Principal> {
  await runMigrations({ connection: sql, migrationsDir: path.resolve("prisma/migrations") });
  const userId = randomUUID();
  const { token, hash, prefix } = generateToken();
  await sql.query(`INSERT INTO "User" (id, email, name, "isPlatformAdmin") VALUES ($1::uuid, $2, 'Bench', true)`, [userId, BENCH_EMAIL]);
  await sql.query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "expiresAt") VALUES ($1::uuid, $2::uuid, 'bench', $3, $4, now() + interval '1 day')`,
    [randomUUID(), userId, hash, prefix],
  );
  return { userId, token };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function createTeamWithApps(base: string, token: string, team: string, apps: string[]): Promise<void> {
  const created = await request(base, "POST", "/api/v1/teams", {
    headers: bearer(token),
    body: { slug: team, name: `Team ${team}`, leadEmail: BENCH_EMAIL },
  });
  if (created.status !== 201) throw new Error(`creating team ${team}: ${created.status} ${created.body}`);
  const provisioning = (JSON.parse(created.body) as { provisioning?: { status?: string } }).provisioning;
  if (provisioning?.status !== "provisioned") throw new Error(`team ${team} was not provisioned: ${JSON.stringify(provisioning)}`);
  for (const name of apps) {
    const app = await request(base, "POST", `/api/v1/teams/${team}/apps`, {
      headers: bearer(token),
      body: {
        name,
        imageRepository: `registry.example.com/bench/${name}`,
        containerPort: 8080,
        replicas: 1,
        env: [{ name: "GREETING", value: "hello" }],
        resources: { requests: { cpu: "10m", memory: "16Mi" } },
      },
    });
    if (app.status !== 201) throw new Error(`creating app ${team}/${name}: ${app.status} ${app.body}`);
  }
}

export const appNames = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, "0")}`);

/**
 * A team quota raised to 500 pods: 20 apps rolling out at once surge past the default 50,
 * and the bench measures Slipway, not the quota.
 */
export function raiseQuota(options: { binDir: string; adminKubeconfig: string; team: string }): Promise<unknown> {
  return execFileAsync(path.join(options.binDir, "kubectl"), [
    `--kubeconfig=${options.adminKubeconfig}`,
    `--namespace=team-${options.team}`,
    "patch",
    "resourcequota",
    "slipway",
    "--type=merge",
    '--patch={"spec":{"hard":{"pods":"500"}}}',
  ]);
}
