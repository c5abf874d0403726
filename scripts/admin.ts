// npm run admin -- create-token --email E --name N [--expires-days D]
// Bootstrapping without the UI: prints a personal access token for that person,
// creating them (as a pending user, claimed at first sign-in) if needed. Audited.
import os from "node:os";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiTokenInput } from "@/lib/tokens/api-token.types";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { email as emailField } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse-input";

const USAGE = "usage: npm run admin -- create-token --email E --name N [--expires-days D]";

async function createToken(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, "expires-days": { type: "string" } },
  });
  const { email, ...input } = parseInput(createApiTokenInput.extend({ email: emailField }), {
    email: values.email,
    name: values.name,
    expiresInDays: values["expires-days"] ?? 30,
  });
  const user = (await db().user.findUnique({ where: { email } })) ?? (await db().user.create({ data: { email } }));
  // The token is the person's own; the audit event records that it came from this command.
  // Whoever can reach the database may act as anyone: this command is the bootstrap.
  const ctx = authorizeUser({ actor: { ...user, via: "cli" }, request: { id: `admin-cli:${os.userInfo().username}@${os.hostname()}` } });
  const created = await createApiToken.run({ ctx, input });
  console.error(`token "${created.name}" for ${email}, expires ${created.expiresAt.toISOString()}; it is shown only now:`);
  console.log(created.token);
  await db().$disconnect();
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "create-token") {
    console.error(USAGE);
    process.exit(2);
  }
  await createToken(rest);
}

main().catch((error) => {
  console.error(isAppError(error) ? `admin: ${error.message}` : error);
  process.exit(1);
});
