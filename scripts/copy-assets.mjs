// Part of npm run build: the files the compiled server reads beside its code, copied into dist/ so that
// dist/src/… finds them at the same relative paths src/… does (migrations, the local chat page).
import { cpSync, rmSync } from 'node:fs';
import { stdout } from 'node:process';

for (const dir of ['prisma/migrations', 'prisma/postgres/migrations', 'public']) {
  rmSync(`dist/${dir}`, { recursive: true, force: true });
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
stdout.write('dist/ is ready: start it with npm run start:prod\n');
