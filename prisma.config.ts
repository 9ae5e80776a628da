// Prisma CLI settings. Variables are read from process.env directly: Prisma's env() helper
// throws when one is unset, which breaks `prisma generate` on a fresh clone.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
