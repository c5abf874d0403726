/**
 * `slipway admin create-token`: bootstrapping without the UI or a running server, so
 * it goes to the database itself (DATABASE_URL, else the embedded PGlite in DATA_DIR).
 * Creates the person as a pending user (claimed at first sign-in) if needed; audited,
 * as the person, via "cli". Whoever can reach the database may act as anyone: this
 * command is the bootstrap, not a way around access.
 */
import os from "node:os";
import { db } from "@/lib/db";
import { authorizeUser } from "@/lib/authz/authorize";
import { createApiTokenInput } from "@/lib/tokens/api-token.types";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { email as emailField } from "@/lib/validation/fields";
import { parseInput } from "@/lib/validation/parse-input";
import { isAppError } from "@/lib/errors";
import { CliError } from "../api";

export async function createTokenInDatabase(values: { email?: string; name?: string; expiresInDays?: string }) {
  try {
    const { email, ...input } = parseInput(createApiTokenInput.extend({ email: emailField }), {
      email: values.email,
      name: values.name,
      expiresInDays: values.expiresInDays ?? 30,
    });
    const user = (await db().user.findUnique({ where: { email } })) ?? (await db().user.create({ data: { email } }));
    const ctx = authorizeUser({ actor: { ...user, via: "cli" }, request: { id: `admin-cli:${os.userInfo().username}@${os.hostname()}` } });
    const created = await createApiToken.run({ ctx, input });
    return { email, name: created.name, token: created.token, expiresAt: created.expiresAt.toISOString() };
  } catch (error) {
    if (isAppError(error)) {
      const fields = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => `\n  ${field}: ${messages.join("; ")}`);
      throw new CliError(`${error.message}${fields.join("")}`);
    }
    throw error;
  } finally {
    await db().$disconnect();
  }
}
