/** lib/db-statement-names.ts: which statements PostgreSQL keeps prepared. */
import { describe, expect, it } from "vitest";
import { statementNames } from "@/lib/db-statement-names";

const query = (sql: string, args: unknown[] = [1]) => ({ sql, args });

describe("[db] statement names", () => {
  it("gives one text one name, the same from every generator", () => {
    const [a, b] = [statementNames(), statementNames()];
    const first = a(query(`SELECT "id" FROM "App" WHERE "teamId" = $1`));
    expect(first).toMatch(/^slipway_\d+$/);
    expect(a(query(`SELECT "id" FROM "App" WHERE "teamId" = $1`))).toBe(first);
    expect(b(query(`SELECT "id" FROM "App" WHERE "teamId" = $1`))).toBe(first);
    expect(a(query(`SELECT "id" FROM "Team" WHERE "slug" = $1`))).not.toBe(first);
  });

  it("leaves unnamed what a migration could break or what would pile up", () => {
    const name = statementNames();
    expect(name(query(`INSERT INTO "Release" (id) VALUES ($1) RETURNING *`))).toBeUndefined();
    expect(name(query(`WITH r AS (SELECT 1) SELECT release.*, 1 FROM release`))).toBeUndefined();
    expect(name(query(`SELECT * FROM slipway_next_release($1)`))).toBeUndefined();
    expect(name(query(`SELECT "id" FROM "App" WHERE id IN (${"$1,".repeat(60)}$61)`, Array(61).fill(1)))).toBeUndefined();
  });

  it("names at most 200 texts in a process", () => {
    const name = statementNames();
    const given = Array.from({ length: 250 }, (_, i) => name(query(`SELECT ${i} AS "n" WHERE $1::int > 0`)));
    expect(new Set(given.filter(Boolean)).size).toBeLessThanOrEqual(200);
    expect(given.at(-1)).toBeUndefined();
  });
});
