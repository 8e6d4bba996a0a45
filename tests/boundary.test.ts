// The core stays platform-neutral: src/domain and src/bot import no Slack, Teams, Prisma or HTTP code,
// src/jobs no Slack or Teams code, and only src/store touches the Prisma client (elsewhere `Db` is opaque). The folders stand in
// one order (docs/architecture.md): every import runs down it, and no files import each other in a circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
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

/** Every module a file names: `import … from`, `export … from`, `import '…'` and dynamic `import('…')`. */
const specifiersOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );

/** The names a file imports by name (`import { a, type B } from '…'`), with the module they come from. */
const namedImportsOf = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(/\bimport\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g),
  ].flatMap((m) =>
    (m[1] as string)
      .split(',')
      .map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '',
      )
      .filter((name) => name !== '')
      .map((name) => ({ name, from: m[2] as string })),
  );

/** The source files a file imports, as paths from the repository root (src/… .ts). */
const localImportsOf = (file: string) =>
  specifiersOf(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => posix.normalize(posix.join(dirname(file), s)).replace(/\.js$/, '.ts'))
    .filter((p) => p.startsWith('src/') && p.endsWith('.ts'));

/**
 * The floors, bottom first. A file may import from its own folder and from any folder on a lower floor;
 * folders on one floor are strangers to each other. docs/architecture.md says what each floor is for.
 */
const FLOORS: string[][] = [
  ['src/config.ts', 'src/log.ts'],
  ['src/domain'],
  ['src/plan', 'src/store', 'src/http'],
  ['src/app'],
  ['src/charts'],
  ['src/reports'],
  ['src/bot'],
  ['src/jobs', 'src/render'],
  ['src/channels'],
  ['src/server', 'src/cli'],
  ['src/main.ts', 'src/cli.ts'],
];

/** A file's folder as the floors name it: src/<folder>, or the file itself at src/'s top. */
const placeOf = (file: string) => {
  const parts = file.split('/');
  return parts.length === 2 ? file : `src/${parts[1] ?? ''}`;
};
const floorOf = (place: string) => FLOORS.findIndex((floor) => floor.includes(place));
const layered = () => sources('src').filter((f) => !f.startsWith('src/generated/'));

/** The circles among the files (Tarjan's strongly connected components of more than one file). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const circle: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      circle.push(w);
    } while (w !== v);
    if (circle.length > 1) found.push(circle.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}
const core = ['src/domain', 'src/bot'].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});

/** The folders of tests/ that do not mirror a folder of src/ (CONTRIBUTING.md, "Where a test goes"). */
const NOT_MIRRORED = ['tests/flows', 'tests/helpers', 'tests/fakes', 'tests/fixtures', 'tests/bench'];

const folders = (dir: string): string[] =>
  readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .flatMap((path) => [path, ...folders(path)]);

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

  it('lets only src/store import the Prisma client (tests and the benchmarks included)', () => {
    const bad = ['src', 'tests', 'bench']
      .flatMap(sources)
      .filter((f) => !f.startsWith('src/store/') && !f.startsWith('src/generated/'))
      .flatMap((f) => specifiersOf(f).map((i) => `${f} imports ${i}`))
      .filter((line) => /imports (@prisma\/|.*generated\/)/.test(line));
    expect(bad).toEqual([]);
  });

  it('gives the rest of src only the opaque Db: not the client behind it, a transaction or the casts', () => {
    const storeOnly = new Set(['prismaOf', 'dbOf', 'DbClient', 'Tx']);
    const bad = layered()
      .filter((f) => !f.startsWith('src/store/'))
      .flatMap((f) =>
        namedImportsOf(f)
          .filter(({ from }) => posix.normalize(posix.join(dirname(f), from)).startsWith('src/store/'))
          .filter(({ name }) => storeOnly.has(name))
          .map(({ name, from }) => `${f} imports ${name} from ${from}`),
      );
    expect(bad).toEqual([]);
  });

  it('makes Db a handle with no Prisma methods, so tsc refuses db.measure.findMany outside src/store', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      'tsconfig.json',
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    const program = ts.createProgram(['src/store/db.ts'], config?.options ?? {});
    const checker = program.getTypeChecker();
    const file = program.getSourceFile('src/store/db.ts');
    const module = file && checker.getSymbolAtLocation(file);
    const exported = module ? checker.getExportsOfModule(module) : [];
    const propertiesOf = (name: string) => {
      const symbol = exported.find((s) => s.name === name);
      if (!symbol) throw new Error(`src/store/db.ts exports no ${name}`);
      return checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((p) => p.name);
    };
    const client = propertiesOf('DbClient');
    expect(client).toEqual(expect.arrayContaining(['$transaction', 'measure', 'return', 'outboxMessage']));
    const handle = propertiesOf('Db');
    expect(handle.filter((p) => client.includes(p))).toEqual([]);
    expect(handle).toHaveLength(1); // the brand
  }, 60_000);

  it('keeps Prisma queries and transactions inside src/store: a unit of work is a store function', () => {
    const query =
      /\.\$(transaction|queryRaw|executeRaw)\b|\b(db|tx|prisma|client)\.[a-z][a-zA-Z]*\.(findMany|findUnique|findFirst|create|createMany|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\(/;
    const bad = sources('src')
      .filter((f) => !f.startsWith('src/store/') && !f.startsWith('src/generated/'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (query.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(bad).toEqual([]);
  });

  it('keeps the clock out of everything but the composition roots', () => {
    const bad = sources('src')
      .filter((f) => !['src/main.ts', 'src/cli.ts'].includes(f) && !f.startsWith('src/generated/'))
      .filter((f) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('places every folder of src on a floor', () => {
    const places = [...new Set(layered().map(placeOf))];
    expect(places.filter((p) => floorOf(p) < 0)).toEqual([]);
  });

  it('lets every import run down the floors, dynamic imports and re-exports included', () => {
    const bad = layered().flatMap((f) =>
      localImportsOf(f)
        .filter((to) => !to.startsWith('src/generated/'))
        .filter((to) => placeOf(to) !== placeOf(f) && floorOf(placeOf(to)) >= floorOf(placeOf(f)))
        .map((to) => `${f} imports ${to}`),
    );
    expect(bad).toEqual([]);
  });

  it('has no files that import each other in a circle', () => {
    const graph = new Map(layered().map((f) => [f, localImportsOf(f)]));
    expect(circles(graph)).toEqual([]);
  });

  it('lays tests/ out as src/ is, beside the whole-flow tests, helpers, fakes and fixtures', () => {
    const srcFolders = new Set(folders('src'));
    const bad = [...new Set(sources('tests').map(dirname))]
      .filter((d) => d !== 'tests')
      .filter((d) => !NOT_MIRRORED.some((n) => d === n || d.startsWith(`${n}/`)))
      .filter((d) => !srcFolders.has(`src${d.slice('tests'.length)}`));
    expect(bad).toEqual([]);
  });

  it('keeps every source file to 300 lines', () => {
    const long = layered()
      .map((f) => ({ f, lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('keeps every function in src to 60 lines', () => {
    const long = layered().flatMap((f) => {
      const file = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const lineOf = (pos: number) => file.getLineAndCharacterOfPosition(pos).line;
      const found: string[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const lines = lineOf(node.end) - lineOf(node.getStart()) + 1;
          if (lines > 60) found.push(`${f}:${lineOf(node.getStart()) + 1}: ${lines} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      return found;
    });
    expect(long).toEqual([]);
  });
});
