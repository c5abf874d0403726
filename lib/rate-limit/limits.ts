import { env } from "@/lib/env";
import type { RateLimit } from "./rate-limit";

/** Failed bearer tokens per client address: guessing tokens is slow and visible. */
export const failedTokenLimit = (): RateLimit => ({ name: "token-failure", max: env.SLIPWAY_RATE_LIMIT_FAILED_TOKENS, windowSeconds: 60 });

/** Sign-in starts and callbacks per client address. */
export const signInLimit = (): RateLimit => ({ name: "sign-in", max: env.SLIPWAY_RATE_LIMIT_SIGN_IN, windowSeconds: 60 });
