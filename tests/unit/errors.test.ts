import { describe, expect, it, vi } from "vitest";
import { AppError, toHttpError } from "@/lib/errors";

describe("[errors] toHttpError", () => {
  it("maps an AppError to its status with code, message and field errors", () => {
    const error = new AppError("INVALID_INPUT", "Check the form", { fieldErrors: { name: ["must be a DNS label"] } });
    expect(toHttpError(error)).toEqual({
      status: 400,
      body: { error: { code: "INVALID_INPUT", message: "Check the form", fields: { name: ["must be a DNS label"] } } },
    });
    expect(toHttpError(new AppError("CONFLICT", "taken")).status).toBe(409);
  });

  it("turns anything else into a generic 500, logged but not shown", () => {
    const log = vi.fn();
    const result = toHttpError(new Error("connection string postgres://secret@db"), log);
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
  });
});
