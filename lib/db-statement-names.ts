/**
 * Names for the statements Prisma sends to PostgreSQL, so that each connection parses
 * and plans a statement once and then only binds and runs it (pg's named prepared
 * statements, through @prisma/adapter-pg's `statementNameGenerator`). Unnamed, every
 * statement was parsed and planned again each time: about 0.5 ms of PostgreSQL's CPU
 * per statement at the bench's large size, 1.5-2 ms of each page. `npm run bench`
 * measured (PostgreSQL CPU per request at 10 clients, `/proc`): home page 6.8 -> 4.7 ms,
 * team page 6.0 -> 4.4 ms, app page 3.8 -> 2.3 ms; deploys at 50, p95 447-528 -> 414-476 ms.
 *
 * Which statements are not named:
 * - those whose columns are `*` (`RETURNING *`, `release.*`): a migration that adds a
 *   column changes their result, and PostgreSQL refuses a prepared statement whose result
 *   changed ("cached plan must not change result type") for as long as the connection
 *   lives, which during a rolling update is every connection of the older replicas;
 * - those with many parameters (a list of 100 apps' ids): their text changes with the
 *   list's length, and each would be a new prepared statement on every connection;
 * - any text after the first `MAX_NAMES`: a connection never holds more than that.
 *
 * DATABASE_PREPARED_STATEMENTS=0 turns it off, for a connection pooler in transaction
 * mode that does not carry prepared statements (PgBouncer before 1.21).
 */
const MAX_NAMES = 200;
const MAX_PARAMETERS = 50;
const STAR_COLUMNS = /(?:\bRETURNING\s+\*|\bSELECT\s+\*|\.\*)/i;

/** One text, one name, in the whole process: a pool shared by two clients never sees a name reused for another text. */
const names = new Map<string, string | undefined>();

export function statementNames(): (query: { sql: string; args: unknown[] }) => string {
  return (query) => {
    if (query.args.length > MAX_PARAMETERS) return undefined as unknown as string;
    let name = names.get(query.sql);
    if (name === undefined && !names.has(query.sql) && names.size < MAX_NAMES) {
      name = STAR_COLUMNS.test(query.sql) ? undefined : `slipway_${names.size}`;
      names.set(query.sql, name);
    }
    // pg sends an unnamed statement when the name is undefined (the adapter's type says string).
    return name as string;
  };
}
