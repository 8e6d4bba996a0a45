// Prisma CLI configuration: the JS schema engine with the better-sqlite3 driver adapter, so that
// generate, migrate diff and migrate deploy need no downloaded engine binary.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const url = process.env.DATABASE_URL ?? 'file:./data/bot.db';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
