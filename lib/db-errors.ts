/** Prisma's code for a unique constraint violation (also raised through driver adapters). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
