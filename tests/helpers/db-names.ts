import { randomBytes } from "node:crypto";
import path from "node:path";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The throwaway PostgreSQL server's maintenance database, as a superuser. */
export function adminUrl(): string {
  const url = process.env.SLIPWAY_TEST_PG_URL;
  if (!url) {
    throw new Error("SLIPWAY_TEST_PG_URL is not set: run the suites with `npm test`, which starts a throwaway PostgreSQL");
  }
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}
