/**
 * Classifies database errors by their codes, never by class identity, so the answer is
 * the same in every Next.js bundle: Prisma's own codes (P....), the driver adapter's
 * mapped kind and PostgreSQL SQLSTATE (meta.driverAdapterError.cause), and the raw
 * errors of node-postgres and node:net.
 */

type Coded = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } }; cause?: unknown };

/** A unique constraint violation: Prisma's P2002, or SQLSTATE 23505 under a raw query's P2010. */
export function isUniqueViolation(error: unknown): boolean {
  return someLayer(error, (layer) => {
    const cause = layer.meta?.driverAdapterError?.cause;
    return layer.code === "P2002" || cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505";
  });
}

/** PostgreSQL asks for the transaction to be run again: serialization failure (40001) or deadlock (40P01). */
export function isRetryableTransactionError(error: unknown): boolean {
  return someLayer(error, (layer) => {
    const cause = layer.meta?.driverAdapterError?.cause;
    return (
      layer.code === "P2034" ||
      layer.code === "40001" ||
      layer.code === "40P01" ||
      cause?.kind === "TransactionWriteConflict" ||
      cause?.originalCode === "40001" ||
      cause?.originalCode === "40P01"
    );
  });
}

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_NET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, and class 08 (connection exception)
const UNAVAILABLE_SQLSTATES = /^(57P01|57P02|57P03|53300|08\w{3})$/;
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Unable to start a transaction in the given time/;

/**
 * The database cannot be reached or cannot take more work right now (down, restarting,
 * out of connections, pool exhausted). The answer to the caller is 503 with Retry-After.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someLayer(error, (layer) => {
    const cause = layer.meta?.driverAdapterError?.cause;
    if (typeof layer.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(layer.code) || UNAVAILABLE_NET_CODES.has(layer.code))) return true;
    if (typeof layer.code === "string" && UNAVAILABLE_SQLSTATES.test(layer.code)) return true;
    if (typeof cause?.kind === "string" && UNAVAILABLE_KINDS.has(cause.kind)) return true;
    if (typeof cause?.originalCode === "string" && UNAVAILABLE_SQLSTATES.test(cause.originalCode)) return true;
    const message = (layer as { message?: unknown }).message;
    return typeof message === "string" && UNAVAILABLE_MESSAGES.test(message);
  });
}

/** Any database failure at all (as opposed to a cluster or validation error): used to keep bookkeeping failures out of a release's outcome. */
export function isDatabaseError(error: unknown): boolean {
  return (
    someLayer(error, (layer) => {
      const name = (layer as { name?: unknown }).name;
      return (
        (typeof name === "string" && name.startsWith("PrismaClient")) ||
        (typeof layer.code === "string" && /^P\d{4}$/.test(layer.code)) ||
        layer.meta?.driverAdapterError !== undefined
      );
    }) || isDatabaseUnavailable(error)
  );
}

function someLayer(error: unknown, test: (layer: Coded) => boolean): boolean {
  let layer: unknown = error;
  for (let depth = 0; depth < 5 && typeof layer === "object" && layer !== null; depth++) {
    if (test(layer as Coded)) return true;
    layer = (layer as Coded).cause;
  }
  return false;
}
