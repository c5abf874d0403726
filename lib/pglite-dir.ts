/**
 * Where the embedded PGlite database lives. Its own module, with no database client in
 * its imports, so the migration runner bundled into the container image stays small.
 */
import path from "node:path";
import { env } from "@/lib/env";

export function pgliteDir(): string {
  return env.PGLITE_DIR ?? path.resolve(env.DATA_DIR, "pglite");
}
