// Prisma CLI configuration (`prisma generate`, run by `npm install`): which schema, and the database
// the CLI would connect to. DATABASE_URL=postgresql://… selects the PostgreSQL variant (prisma/postgres,
// made by `npm run db:variant`). The bot itself connects through driver adapters (src/store) and
// applies the migrations itself; migrations are written with the tool in prisma/migrate-cli.config.ts.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/bot.db';
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  datasource: { url },
});
