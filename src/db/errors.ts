// Recognising the database errors the app expects, whichever driver adapter raised them.

interface PrismaKnownError {
  code?: unknown;
}

/** A unique constraint refused the write (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as PrismaKnownError).code === 'P2002';
}
