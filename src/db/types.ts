import type { Prisma, PrismaClient } from './generated/client.ts';

export type Db = PrismaClient;
/** A client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;
/** Either: read helpers work on both. */
export type DbOrTx = Db | Tx;

/** JSON-safe copy of a value for Json columns: bigint becomes a decimal string, Date an ISO string. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner)),
  ) as Prisma.InputJsonValue;
}
