import { CliError } from "../api";
import type { Command } from "../context";

export const adminCreateToken: Command = {
  usage: "admin create-token --email EMAIL --name NAME [--expires-days D]",
  summary: "Bootstrap without a server: an API token for EMAIL, straight in the database (DATABASE_URL, else the embedded one)",
  options: { email: { type: "string" }, name: { type: "string" }, "expires-days": { type: "string" } },
  async run(ctx) {
    if (!ctx.flag("email") || !ctx.flag("name")) throw new CliError(`usage: slipway ${adminCreateToken.usage}`, 2);
    // Loaded only here: the database client is big, and no other command touches it.
    const { createTokenInDatabase } = await import("./admin-create-token");
    const created = await createTokenInDatabase({
      email: ctx.flag("email"),
      name: ctx.flag("name"),
      expiresInDays: ctx.flag("expires-days"),
    });
    if (ctx.json) return ctx.out("", created);
    ctx.io.stderr(`token "${created.name}" for ${created.email}, expires ${created.expiresAt}; it is shown only now:\n`);
    ctx.io.stdout(`${created.token}\n`);
  },
};
