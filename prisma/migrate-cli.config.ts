// Configuration of the migration-writing tool: the Prisma 6.19 CLI (devDependency prisma-migrate-cli),
// whose schema engine is JavaScript and WebAssembly, where Prisma 7's `migrate` needs a downloaded
// binary. Only `migrationSql` in scripts/postgres-variant.ts runs it (npm run db:variant, npm run
// db:diff), for `migrate diff` between two schema files, and sets both variables: the schema it reads
// the engine type from (one with engineType = "client", else the CLI downloads a query engine), and a
// scratch SQLite file for the driver adapter its JS engine insists on opening.
import { defineConfig } from 'prisma-migrate-cli/config';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

const need = (name: string) => {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run this tool through npm run db:diff or npm run db:variant`);
  return value;
};

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: need('PRISMA_MIGRATE_SCHEMA'),
  async adapter() {
    return new PrismaBetterSqlite3({ url: need('DATABASE_URL') });
  },
});
