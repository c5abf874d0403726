import { db } from "@/lib/db";
import { logger, logError } from "@/lib/observability/logger";
import { reconcilePlatformAdmins } from "./reconcile-platform-admins";

/** At start-up: a failure (the database not up yet) is logged; sign-ins still re-evaluate each person. */
export async function reconcileAdminsAtStart(): Promise<void> {
  try {
    const { granted, revoked } = await reconcilePlatformAdmins({ db: db() });
    if (granted.length || revoked.length) logger.info({ granted, revoked }, "platform admins follow the configuration");
  } catch (error) {
    logError("could not re-derive platform admins from the configuration", error);
  }
}
