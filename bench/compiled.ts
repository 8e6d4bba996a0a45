// The benchmark's servers run as production runs them: plain node on JavaScript compiled by tsc (as
// `npm run build` does for `npm run start:prod`), not the TypeScript sources under tsx. The build
// compiles src/ and bench/ together into bench/.scratch/dist (incremental: a second run is quick) and
// copies the files the server reads beside its code.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const COMPILED_DIR = fileURLToPath(new URL('.scratch/dist/', import.meta.url));

const run = promisify(execFile);

/** Compiles the bot and the benchmark's server processes; returns the folder bench/… is under. */
export async function buildForBench(): Promise<string> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], { cwd: ROOT }).catch((e: unknown) => {
    const out = (e as { stdout?: string }).stdout ?? '';
    throw new Error(`the benchmark's build (tsc -p tsconfig.bench.json) failed:\n${out}`);
  });
  await run(process.execPath, ['scripts/copy-assets.mjs', COMPILED_DIR], { cwd: ROOT });
  return COMPILED_DIR;
}
