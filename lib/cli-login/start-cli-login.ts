import { z } from "zod";
import { db } from "@/lib/db";
import { publicUseCase } from "@/lib/usecase/define";
import { dateTime } from "@/lib/validation/wire";
import { generateLoginCode, generateLoginSecret, LOGIN_LIFETIME_MS, POLL_INTERVAL_SECONDS } from "./cli-login.types";

// Pending logins nobody approved are worth nothing a day later.
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/**
 * The first step of `slipway login`, a device-style flow (RFC 8628's shape): the CLI gets
 * a code for the person to approve at /cli/login?code=... in a browser where they are
 * signed in, and a secret only it knows to collect the token with (collectCliLogin).
 * Needs no credential: it grants nothing until a signed-in person approves.
 */
export const startCliLogin = publicUseCase({
  name: "startCliLogin",
  summary: "Start a `slipway login`: a code for the person to approve in the browser, and the secret to collect the token with",
  input: z.object({
    clientName: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters").default("slipway CLI"),
  }),
  output: z.object({
    code: z.string(),
    secret: z.string(),
    approvePath: z.string().describe("Open this path on Slipway in a browser to approve"),
    expiresAt: dateTime,
    intervalSeconds: z.number().int(),
  }),
  route: { method: "POST", path: "/cli/logins", status: 201 },
  async run({ input }) {
    const { secret, hash } = generateLoginSecret();
    const expiresAt = new Date(Date.now() + LOGIN_LIFETIME_MS);
    await db().cliLogin.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - KEEP_EXPIRED_MS) } } });
    // A code collision (1 in 20^8 per live login) is retried with a new one.
    for (let attempt = 0; ; attempt++) {
      const code = generateLoginCode();
      try {
        await db().cliLogin.create({ data: { code, secretHash: hash, clientName: input.clientName, expiresAt } });
        return { code, secret, approvePath: `/cli/login?code=${code}`, expiresAt, intervalSeconds: POLL_INTERVAL_SECONDS };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  },
});
