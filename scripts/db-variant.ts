// npm run db:variant: writes prisma/postgres/schema.prisma from prisma/schema.prisma and, when the models
// changed, the PostgreSQL migration that follows them. `--check` writes nothing and exits 1 when stale.
import { variantStatus, writeVariant } from './postgres-variant.js';

const status = variantStatus();
if (process.argv.includes('--check')) {
  if (status.schemaStale) console.error('prisma/postgres/schema.prisma is stale: run npm run db:variant');
  if (status.pendingSql)
    console.error('the PostgreSQL migrations are behind the schema: run npm run db:variant');
  if (!status.schemaStale && !status.pendingSql) console.log('the PostgreSQL variant is current');
  process.exitCode = status.schemaStale || status.pendingSql ? 1 : 0;
} else {
  const written = writeVariant(status);
  console.log(written.length ? `wrote ${written.join(', ')}` : 'the PostgreSQL variant is current');
  if (written.some((f) => f.endsWith('schema.prisma'))) console.log('now run: npm run postinstall');
}
