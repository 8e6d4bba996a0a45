// The core stays platform-neutral: src/domain and src/bot import no Slack, Teams, Prisma or HTTP code,
// src/jobs no Slack or Teams code, and only src/store touches the Prisma client.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sources(path));
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
const core = ['src/domain', 'src/bot'].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});

describe('layer boundaries', () => {
  it('keeps src/domain and src/bot free of platform, storage and HTTP imports', () => {
    const bad = core
      .flatMap(sources)
      .flatMap((f) => importsOf(f).map((i) => `${f} imports ${i}`))
      .filter((line) =>
        /imports (@slack\/|botbuilder|@prisma\/|.*generated\/prisma|node:http|better-sqlite3)/.test(line),
      );
    expect(bad).toEqual([]);
  });

  it('keeps src/jobs free of Slack and Teams code: the channels bring their senders for the outbox', () => {
    const bad = sources('src/jobs')
      .flatMap((f) => importsOf(f).map((i) => `${f} imports ${i}`))
      .filter((line) => /imports (@slack\/|botbuilder|.*\/channels\/)/.test(line));
    expect(bad).toEqual([]);
  });

  it('lets only src/store import the Prisma client', () => {
    const bad = sources('src')
      .filter((f) => !f.startsWith('src/store/') && !f.startsWith('src/generated/'))
      .flatMap((f) => importsOf(f).map((i) => `${f} imports ${i}`))
      .filter((line) => /imports (@prisma\/|.*generated\/prisma)/.test(line));
    expect(bad).toEqual([]);
  });

  it('keeps the clock out of everything but the composition roots', () => {
    const bad = sources('src')
      .filter((f) => !['src/main.ts', 'src/cli.ts'].includes(f) && !f.startsWith('src/generated/'))
      .filter((f) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
