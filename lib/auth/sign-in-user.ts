/**
 * Turns a verified identity from the IdP into Slipway's User row. The identity is
 * (issuer, subject); email is only used once, to claim a pending user that a team
 * lead granted access to before the person ever signed in, so that grant applies.
 */
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { adminConfigFromEnv, isPlatformAdmin, type AdminConfig } from "./platform-admin";

/** Shown on /signin as ?error=<reason>; the page maps each to a message. */
export type SignInRefusal = "EmailMissing" | "EmailUnverified" | "EmailTaken" | "Disabled";

export class SignInRefusedError extends AppError {
  constructor(
    readonly reason: SignInRefusal,
    message: string,
  ) {
    super("FORBIDDEN", message);
  }
}

export type SignInIdentity = {
  issuer: string;
  subject: string;
  email: string | null | undefined;
  /** The ID token's email_verified; only an explicit false is refused (not every IdP sends it). */
  emailVerified?: boolean;
  name: string | null | undefined;
  groups?: readonly string[];
};

export async function signInUser(options: SignInIdentity & { db?: Db; admins?: AdminConfig }) {
  const { issuer, subject, groups } = options;
  const prisma = options.db ?? defaultDb();
  const email = options.email?.trim().toLowerCase();
  if (!email) {
    throw new SignInRefusedError("EmailMissing", "Your identity provider did not send an email address; Slipway needs one.");
  }
  if (options.emailVerified === false) {
    throw new SignInRefusedError("EmailUnverified", "Your identity provider says your email address is not verified.");
  }
  const admin = isPlatformAdmin({ email, groups }, options.admins ?? adminConfigFromEnv());
  const profile = {
    email,
    name: options.name?.trim() || null,
    isPlatformAdmin: admin,
    groups: [...(groups ?? [])],
    lastLoginAt: new Date(),
  };
  // Admin rights re-evaluated at each sign-in; a change ends the person's other sessions.
  const versionBump = (before: { isPlatformAdmin: boolean }) =>
    before.isPlatformAdmin !== admin ? { sessionVersion: { increment: 1 } } : {};
  const refuseDisabled = (row: { disabledAt: Date | null }) => {
    if (row.disabledAt) throw new SignInRefusedError("Disabled", "Your Slipway account is disabled; ask a platform admin.");
  };

  const claimOrCreate = () =>
    prisma.$transaction(async (tx) => {
      const known = await tx.user.findUnique({ where: { issuer_subject: { issuer, subject } } });
      if (known) {
        refuseDisabled(known);
        return tx.user.update({ where: { id: known.id }, data: { ...profile, ...versionBump(known) } });
      }
      // Never claim a user that already belongs to another identity: that would hand
      // one person's access to whoever controls the same email at another issuer.
      const pending = await tx.user.findFirst({
        where: { email: { equals: email, mode: "insensitive" }, issuer: null, subject: null },
      });
      if (pending) {
        refuseDisabled(pending);
        return tx.user.update({ where: { id: pending.id }, data: { ...profile, ...versionBump(pending), issuer, subject } });
      }
      return tx.user.create({ data: { ...profile, issuer, subject } });
    });

  try {
    return await claimOrCreate();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // Either the same person signed in twice at once (the retry finds their row), or the
  // email belongs to a user with another identity.
  const known = await prisma.user.findUnique({ where: { issuer_subject: { issuer, subject } } });
  if (known && known.email === email) return claimOrCreate();
  throw new SignInRefusedError("EmailTaken", `${email} already belongs to a Slipway user who signs in another way; ask a platform admin.`);
}
