// npm run -s db:diff -- <from.prisma | --from-empty> <to.prisma>: prints the SQL of a new migration, from
// the models of one schema file to those of another (README.md, "migrate diff"); nothing when they agree.
import { readFileSync } from 'node:fs';
import { migrationSql } from './migration-sql.js';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: npm run -s db:diff -- <from.prisma | --from-empty> <to.prisma>');
  process.exit(2);
}
const sql = migrationSql(
  from === '--from-empty' ? null : readFileSync(from, 'utf8'),
  readFileSync(to, 'utf8'),
);
if (sql) process.stdout.write(sql);
else console.error(`${from} and ${to} have the same models: no migration`);
