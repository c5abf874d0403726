/** The CLI's client is typed from the OpenAPI document; a descriptor change without `npm run build:cli` fails here. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CLI_API_TYPES, cliApiTypes } from "@/scripts/generate-cli-api";

describe("[cli] generated API types", () => {
  it("cli/generated/api.ts matches /api/v1/openapi.json (run npm run build:cli)", async () => {
    expect(await readFile(CLI_API_TYPES, "utf8")).toBe(await cliApiTypes());
  }, 30_000);
});
