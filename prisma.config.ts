// Prisma CLI settings. Variables are read from process.env directly: Prisma's env() helper
// throws when one is unset, which breaks `prisma generate` on a fresh clone.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Used by `prisma migrate deploy` on machines that have Prisma's native engine; Booking Desk's own
  // scripts (npm run db:*) read DATABASE_URL themselves.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
