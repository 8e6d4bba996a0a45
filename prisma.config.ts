// Prisma CLI configuration: the JS schema engine with a driver adapter, so that generate, migrate diff
// and migrate deploy need no downloaded engine binary. DATABASE_URL=postgresql://… selects the
// PostgreSQL variant (prisma/postgres, made by `npm run db:variant`) and the pg adapter.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const url = process.env.DATABASE_URL ?? 'file:./data/bot.db';
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
