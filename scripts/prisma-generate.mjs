// npm postinstall: generates the Prisma clients of both schemas (SQLite and the PostgreSQL variant) with
// no network. Prisma 7's CLI fetches its schema engine before any command, even `generate`, which never
// runs it; PRISMA_SCHEMA_ENGINE_BINARY naming a stub executable stops the download.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMAS = ['prisma/schema.prisma', 'prisma/postgres/schema.prisma'];

/** An executable that says what it is and fails, should anything ever run it. */
function stubEngine() {
  const dir = join(ROOT, 'node_modules', '.cache', 'perfbot');
  mkdirSync(dir, { recursive: true });
  const message = 'no Prisma schema engine on this machine: see "migrate diff" in README.md for migrations';
  const windows = process.platform === 'win32';
  const path = join(dir, windows ? 'schema-engine-stub.cmd' : 'schema-engine-stub');
  writeFileSync(
    path,
    windows ? `@echo ${message} 1>&2\r\n@exit /b 1\r\n` : `#!/bin/sh\necho '${message}' >&2\nexit 1\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

const require = createRequire(import.meta.url);
const cliPackage = require.resolve('prisma/package.json');
const cli = join(dirname(cliPackage), require(cliPackage).bin.prisma);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= stubEngine();
for (const schema of SCHEMAS) {
  execFileSync(process.execPath, [cli, 'generate', '--schema', schema], { cwd: ROOT, env, stdio: 'inherit' });
}
