/**
 * In production the app connects as a role that does not own the tables, so it cannot
 * switch off the audit log's append-only trigger or rewrite rows: migrations run as the
 * owner (deploy/migrate.yaml), and then grant the app role (SLIPWAY_DB_APP_ROLE) what
 * it needs: read and write on the tables, but only SELECT and INSERT on the audit log
 * (and UPDATE of its three chain columns, for the sealer; the table's trigger lets an
 * update seal an unsealed row once and do nothing else), and only SELECT on the
 * migrations' record. Idempotent; run after every migration run.
 */
import type { SqlConnection } from "./sql-connection";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function grantAppRole(connection: SqlConnection, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`SLIPWAY_DB_APP_ROLE must be a plain role name (got ${JSON.stringify(role)})`);
  const r = `"${role}"`;
  await connection.exec(`
    GRANT USAGE ON SCHEMA public TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEvent" FROM ${r};
    GRANT UPDATE ("seq", "prevHash", "hash") ON "AuditEvent" TO ${r};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${r};
  `);
}
