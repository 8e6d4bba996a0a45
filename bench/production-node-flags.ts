// The node flags of `npm run start:prod` (package.json), so the benchmark's bot runs with the V8 settings
// production runs with: `node --max-old-space-size=… --max-semi-space-size=… dist/src/main.js` gives
// ['--max-old-space-size=…', '--max-semi-space-size=…'].
import { readFileSync } from 'node:fs';

export function nodeFlagsOf(script: string): string[] {
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`start:prod "${script}" does not start with node`);
  const flags: string[] = [];
  for (const w of words.slice(1)) {
    if (!w.startsWith('--')) break;
    flags.push(w);
  }
  return flags;
}

export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.['start:prod'];
  if (!script) throw new Error('package.json has no start:prod script');
  return nodeFlagsOf(script);
}
