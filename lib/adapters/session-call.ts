/**
 * For what every page shows around its content (the header): a user use-case run as
 * whoever is signed in, or nothing when no one is. It never redirects, and a failure
 * leaves the header without that piece (logged) rather than breaking every page.
 */
import { getSessionUser } from "@/lib/auth/session";
import { logError } from "@/lib/observability/logger";
import type { UserUseCase } from "@/lib/usecase/define";
import type { z } from "zod";
import { runUseCase } from "./run-use-case";

export async function sessionCall<I extends z.ZodType, O extends z.ZodType>(
  useCase: UserUseCase<I, O>,
  input: Record<string, unknown> = {},
): Promise<z.output<O> | undefined> {
  try {
    const user = await getSessionUser();
    if (!user) return undefined;
    const { output } = await runUseCase(useCase, { actor: { ...user, via: "session" }, request: {} }, {}, input);
    return output as z.output<O>;
  } catch (error) {
    logError(`header: ${useCase.name} failed`, error);
    return undefined;
  }
}
