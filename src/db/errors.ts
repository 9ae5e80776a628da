// Recognising the database errors the app expects, whichever driver adapter raised them.

interface PrismaKnownError {
  code?: unknown;
}

/** A unique constraint refused the write (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as PrismaKnownError).code === 'P2002';
}

/** SQLSTATEs of a server that is unreachable, shutting down or refusing connections. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)|^55000$/;
/** Driver adapter error kinds of a connection that could not be made or was lost. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionAlreadyClosed',
]);
/** Prisma's codes for an unreachable server, a timeout, a closed connection or an exhausted pool. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|not currently accepting connections|can't reach database|server closed the connection|query read timeout/i;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The database did not answer (unreachable, restarting, connections refused or cut): the operation
 * did not happen and may succeed if tried again shortly. False for errors of the query itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const code = field(current, 'code');
    if (typeof code === 'string' && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code)))
      return true;
    if (current instanceof Error && current.name === 'PrismaClientInitializationError') return true;
    const adapter = field(field(current, 'meta'), 'driverAdapterError');
    const cause = field(adapter, 'cause') ?? field(current, 'cause');
    const kind = field(cause, 'kind');
    if (typeof kind === 'string' && UNAVAILABLE_KINDS.has(kind)) return true;
    const sqlState = field(cause, 'originalCode') ?? field(cause, 'code');
    if (kind === 'postgres' && typeof sqlState === 'string' && UNAVAILABLE_SQLSTATE.test(sqlState))
      return true;
    const message = field(current, 'message');
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = adapter ?? cause;
  }
  return false;
}

/** The database stopped answering mid-query: the statement may or may not have taken effect. */
export function isDatabaseTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error && /query read timeout/i.test(current.message)) return true;
    current = field(current, 'cause');
  }
  return false;
}
