// The SQL that takes a database from one Prisma schema file to another, for a new migration: `prisma
// migrate diff` of the Prisma 6.19 CLI (devDependency prisma-migrate-cli, configured by
// prisma/migrate-cli.config.ts), whose schema engine is JavaScript and WebAssembly, where Prisma 7's
// migrate needs an engine binary that cannot be downloaded here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'node_modules/prisma-migrate-cli/build/index.js');
const CONFIG = join(ROOT, 'prisma/migrate-cli.config.ts');

/** The 6.19 CLI wants a url in the datasource block, which Prisma 7 forbids: a placeholder it never opens. */
export function withPlaceholderUrl(datamodel: string): string {
  return datamodel.replace(/^(datasource\s+\w+\s*\{[^}]*?)\}/m, (block: string, body: string) => {
    if (/^\s*url\s*=/m.test(body)) return block;
    const provider = /^\s*provider\s*=\s*"(\w+)"/m.exec(body)?.[1];
    const url = provider === 'sqlite' ? 'file:./unused.db' : `${provider}://localhost/unused`;
    return `${body}  url      = "${url}"\n}`;
  });
}

/** The SQL from one datamodel (text; `null`: an empty database) to another; '' when nothing changes. */
export function migrationSql(from: string | null, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfbot-diff-'));
  try {
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), withPlaceholderUrl(text));
      return join(dir, name);
    };
    const toFile = file('to.prisma', to);
    const fromArgs =
      from === null ? ['--from-empty'] : ['--from-schema-datamodel', file('from.prisma', from)];
    const args = ['migrate', 'diff', '--config', CONFIG, ...fromArgs, '--to-schema-datamodel', toFile];
    // The CLI reads which engine the client uses from its configured schema (without one it downloads a
    // query engine), and its JS schema engine opens the adapter even to compare two files: a scratch file.
    const env = {
      ...process.env,
      PRISMA_MIGRATE_SCHEMA: toFile,
      DATABASE_URL: `file:${join(dir, 'scratch.db')}`,
    };
    const sql = execFileSync(process.execPath, [CLI, ...args, '--script'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return sql.replace(/^--.*$/gm, '').trim() === '' ? '' : sql;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
