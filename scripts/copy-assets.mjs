// Part of npm run build: the files the compiled server reads beside its code, copied into dist/ so that
// dist/src/… finds them at the same relative paths src/… does (migrations, the local chat page). The
// benchmark's build passes its own output folder: node scripts/copy-assets.mjs bench/.scratch/dist
import { cpSync, rmSync } from 'node:fs';
import { argv, stdout } from 'node:process';

const out = argv[2] ?? 'dist';
for (const dir of ['prisma/migrations', 'prisma/postgres/migrations', 'public']) {
  rmSync(`${out}/${dir}`, { recursive: true, force: true });
  cpSync(dir, `${out}/${dir}`, { recursive: true });
}
if (out === 'dist') stdout.write('dist/ is ready: start it with npm run start:prod\n');
