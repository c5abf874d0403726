/**
 * Compares what the Prisma schema declares (the DMMF written by prisma/dmmf-generator.mjs
 * during `prisma generate`) with what the database catalog holds, and lists every
 * difference in words. Empty list: no drift.
 */
import type { SqlConnection } from "@/lib/migrations/sql-connection";

type Field = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string; sortOrder?: "asc" | "desc" }[] };
export type Datamodel = { models: Model[]; enums: { name: string; values: { name: string }[] }[]; indexes: Index[] };

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Float: "float8",
  Decimal: "numeric",
};
const NATIVE_TYPES: Record<string, string> = { Uuid: "uuid", VarChar: "varchar", Char: "bpchar", Timestamptz: "timestamptz", Text: "text" };
const DELETE_RULES: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

function expectedType(field: Field): string {
  if (field.kind === "enum") return field.type;
  const [native, args = []] = field.nativeType ?? [];
  const base = native ? (NATIVE_TYPES[native] ?? native.toLowerCase()) : (SCALAR_TYPES[field.type] ?? field.type);
  // Prisma's DateTime defaults to timestamp(3); VarChar/Char carry their length.
  if (base === "timestamp" || base === "timestamptz") return `${base}(${args[0] ?? 3})`;
  return args.length > 0 ? `${base}(${args.join(",")})` : base;
}

export async function findDrift(sql: SqlConnection, datamodel: Datamodel): Promise<string[]> {
  const problems: string[] = [];
  const columns = await sql.query<{ table_name: string; column_name: string; type: string; nullable: string }>(`
    SELECT c.table_name, c.column_name, c.is_nullable AS nullable,
           c.udt_name || CASE
             WHEN c.character_maximum_length IS NOT NULL THEN '(' || c.character_maximum_length || ')'
             WHEN c.udt_name IN ('timestamp', 'timestamptz') THEN '(' || c.datetime_precision || ')'
             ELSE '' END AS type
    FROM information_schema.columns c WHERE c.table_schema = 'public'`);
  const enumValues = await sql.query<{ name: string; values: string }>(`
    SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
  const indexes = await sql.query<{ table_name: string; columns: string; is_unique: boolean; is_primary: boolean }>(`
    SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           (SELECT string_agg(a.attname || CASE WHEN pg_index_column_has_property(ix.indexrelid, k.ord::int, 'desc') THEN ' DESC' ELSE '' END, ',' ORDER BY k.ord)
              FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
    FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public'`);
  const foreignKeys = await sql.query<{ table_name: string; columns: string; ref_table: string; ref_columns: string; on_delete: string }>(`
    SELECT t.relname AS table_name, r.relname AS ref_table, c.confdeltype AS on_delete,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
    WHERE c.contype = 'f'`);

  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    if (!columns.some((column) => column.table_name === table)) {
      problems.push(`table "${table}" (model ${model.name}) is missing`);
      continue;
    }
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (!field.relationFromFields?.length) continue;
        const from = field.relationFromFields.map((name) => columnOf(model, name)).join(",");
        const target = datamodel.models.find((m) => m.name === field.type)!;
        const to = (field.relationToFields ?? []).map((name) => columnOf(target, name)).join(",");
        const fk = foreignKeys.find((k) => k.table_name === table && k.columns === from);
        if (!fk) problems.push(`foreign key ${table}(${from}) -> ${tableOf.get(field.type)}(${to}) is missing`);
        else if (fk.ref_table !== tableOf.get(field.type) || fk.ref_columns !== to) {
          problems.push(
            `foreign key ${table}(${from}) points at ${fk.ref_table}(${fk.ref_columns}), not ${tableOf.get(field.type)}(${to})`,
          );
        } else if (field.relationOnDelete && DELETE_RULES[fk.on_delete] !== field.relationOnDelete) {
          problems.push(`foreign key ${table}(${from}) deletes with ${DELETE_RULES[fk.on_delete]}, schema says ${field.relationOnDelete}`);
        }
        continue;
      }
      const name = field.dbName ?? field.name;
      const column = columns.find((c) => c.table_name === table && c.column_name === name);
      if (!column) {
        problems.push(`column ${table}.${name} is missing`);
        continue;
      }
      // A list column (String[]) is PostgreSQL's array of the element type: _text.
      const type = field.isList ? `_${expectedType(field)}` : expectedType(field);
      if (column.type !== type) problems.push(`column ${table}.${name} is ${column.type}, schema says ${type}`);
      if ((column.nullable === "NO") !== field.isRequired) {
        problems.push(
          `column ${table}.${name} is ${column.nullable === "NO" ? "NOT NULL" : "nullable"}, schema says ${field.isRequired ? "required" : "optional"}`,
        );
      }
    }
  }

  for (const declared of datamodel.enums) {
    const actual = enumValues.find((e) => e.name === declared.name);
    const values = declared.values.map((value) => value.name).join(",");
    if (!actual) problems.push(`enum type ${declared.name} is missing`);
    else if (actual.values !== values) problems.push(`enum ${declared.name} has (${actual.values}), schema says (${values})`);
  }

  for (const index of datamodel.indexes) {
    const model = datamodel.models.find((m) => m.name === index.model)!;
    const table = tableOf.get(index.model)!;
    const cols = index.fields.map((f) => columnOf(model, f.name) + (f.sortOrder === "desc" ? " DESC" : "")).join(",");
    const match = indexes.find(
      (i) =>
        i.table_name === table && i.columns === cols && (index.type === "id" ? i.is_primary : index.type === "unique" ? i.is_unique : true),
    );
    if (!match) problems.push(`${index.type === "id" ? "primary key" : `${index.type} index`} on ${table}(${cols}) is missing`);
  }
  return problems;
}
