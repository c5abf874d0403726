#!/usr/bin/env node
// A Prisma generator that writes the schema's full model description (DMMF) to JSON,
// so the drift test can compare every field, relation, unique constraint and index
// the schema declares with the database catalog. The generated client carries only a
// trimmed runtime model. Prisma talks to generators in JSON-RPC lines: requests on
// stdin, responses on stderr (the protocol of @prisma/generator-helper).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";

const reply = (id, result) => process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", id, result })}\n`);

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.method === "getManifest") {
    reply(request.id, { manifest: { prettyName: "Schema description (DMMF) for the drift test", defaultOutput: "dmmf.json" } });
  } else if (request.method === "generate") {
    const output = request.params.generator.output.value;
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify(request.params.dmmf.datamodel, null, 2));
    reply(request.id, null);
    process.exit(0);
  }
});
