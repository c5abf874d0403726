import { describe, expect, it } from "vitest";
import { isDatabaseError, isDatabaseUnavailable, isRetryableTransactionError } from "@/lib/db-errors";

// The shapes Prisma 7 raises through @prisma/adapter-pg (seen against PostgreSQL 15).
const adapterError = (code: string, cause: Record<string, unknown>) => ({
  name: "PrismaClientKnownRequestError",
  code,
  meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
});

describe("[db] error classification", () => {
  it("retries serialization failures and deadlocks, nothing else", () => {
    expect(isRetryableTransactionError(adapterError("P2010", { originalCode: "40P01", kind: "TransactionWriteConflict" }))).toBe(true);
    expect(isRetryableTransactionError(adapterError("P2034", { kind: "TransactionWriteConflict" }))).toBe(true);
    expect(isRetryableTransactionError({ code: "40001", message: "could not serialize access" })).toBe(true);
    expect(isRetryableTransactionError(adapterError("P2002", { kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isRetryableTransactionError(new Error("deadlock"))).toBe(false);
  });

  it("calls an unreachable, restarting or exhausted database unavailable", () => {
    expect(isDatabaseUnavailable(adapterError("P1001", { kind: "DatabaseNotReachable", host: "db", port: 5432 }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "postgres", originalCode: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable({ message: "x", cause: new Error("Connection terminated unexpectedly") })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(
      isDatabaseUnavailable({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." }),
    ).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P2002", { kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });

  it("tells database failures from the rest", () => {
    expect(isDatabaseError(adapterError("P2025", { kind: "postgres" }))).toBe(true);
    expect(isDatabaseError({ name: "PrismaClientUnknownRequestError", message: "x" })).toBe(true);
    expect(isDatabaseError(new Error("cluster said no"))).toBe(false);
  });
});
