// Our expander against the adaptivecards-templating engine it replaces (kept as a devDependency for
// this): every template in cards/, filled with the data of every card of the reply tour and with
// generated data shaped like each template's, must come out the same, raw and as a finished card.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as ACData from 'adaptivecards-templating/lib/template-engine.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderAdaptiveCard } from '../../../src/render/adaptive-card/index.js';
import { compileCardTemplate } from '../../../src/render/adaptive-card/compile-card-template.js';
import type * as ExpandTemplate from '../../../src/render/adaptive-card/expand-template.js';
import { cardFrom, cardTemplate } from '../../../src/render/adaptive-card/expand-template.js';
import { replyTour } from '../reply-tour.js';

type ExpandTemplateModule = typeof ExpandTemplate;

// Every fill of a template while the tour's replies are rendered, with the data it was given.
const filled = vi.hoisted(() => [] as { json: object; name?: string; data: object }[]);
vi.mock('../../../src/render/adaptive-card/expand-template.js', async (importOriginal) => {
  const real = await importOriginal<ExpandTemplateModule>();
  return {
    ...real,
    cardTemplate: (json: object, name?: string) => {
      const template = real.cardTemplate(json, name);
      return (data: object) => {
        filled.push({ json, name, data });
        return template(data);
      };
    },
  };
});

const CARDS = fileURLToPath(new URL('../../../cards/', import.meta.url));
const templates = readdirSync(CARDS)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, json: JSON.parse(readFileSync(`${CARDS}${file}`, 'utf8')) as object }));

/** What a fill gives, or the error it throws, so that both are compared. */
function outcome(fill: () => unknown): unknown {
  try {
    return fill();
  } catch (e) {
    return `threw: ${(e as Error).message}`;
  }
}

/** The raw expansion and the finished card, by our expander and by the engine. */
function both(json: object, data: object) {
  const engine = new ACData.Template(json);
  const byEngine = (d: unknown): unknown => engine.expand({ $root: d });
  const ours = compileCardTemplate(json, 'test');
  return {
    ours: { raw: outcome(() => ours(data)), card: outcome(() => cardTemplate(json)(data)) },
    engine: { raw: outcome(() => byEngine(data)), card: outcome(() => cardFrom(byEngine)(data)) },
  };
}

describe('the expander and the adaptivecards-templating engine', () => {
  beforeAll(async () => {
    const { steps } = await replyTour();
    for (const reply of steps.flatMap((s) => s.replies)) {
      renderAdaptiveCard(reply);
      renderAdaptiveCard(reply, ['29:1a2b3c']);
    }
  }, 120_000);

  it('fill every template the same with the data of every card of the reply tour', () => {
    const names = new Set(filled.map((f) => f.name));
    expect([...names].sort()).toEqual(templates.map((t) => `cards/${t.file}`).sort());
    // Compared without expect's diff, which takes minutes on a few hundred cards that differ.
    const differing = filled.filter(({ json, data }) => {
      const { ours, engine } = both(json, data);
      return !isDeepStrictEqual(ours, engine);
    });
    expect(differing.slice(0, 1).map((f) => ({ ...f, ...both(f.json, f.data) }))).toEqual([]);
  });

  it.each(templates)('fill $file the same with generated data shaped like its bindings', ({ json }) => {
    fc.assert(
      fc.property(dataFor(json), (data) => {
        const { ours, engine } = both(json, data);
        return isDeepStrictEqual(ours, engine);
      }),
      { numRuns: 150 },
    );
  });
});

/** The data a template reads: the keys its bindings name, each scope bound by $data possibly repeated. */
interface Shape {
  keys: Map<string, Shape>;
  repeated: boolean;
}

const newShape = (): Shape => ({ keys: new Map(), repeated: false });

function shapeAt(scope: Shape, path: string): Shape {
  let shape = scope;
  for (const key of path === '$data' ? [] : path.split('.')) {
    if (!shape.keys.has(key)) shape.keys.set(key, newShape());
    shape = shape.keys.get(key) ?? shape;
  }
  return shape;
}

const PATHS = /\$\{(?:count\()?(\$data|[\w.]+)/;

function readShape(node: unknown, scope: Shape): void {
  if (typeof node === 'string') {
    const path = PATHS.exec(node)?.[1];
    if (path !== undefined) shapeAt(scope, path);
  } else if (Array.isArray(node)) node.forEach((n) => readShape(n, scope));
  else if (typeof node === 'object' && node !== null) {
    let inner = scope;
    const { $data: data, ...rest } = node as Record<string, unknown>;
    if (typeof data === 'string') {
      inner = shapeAt(scope, PATHS.exec(data)?.[1] ?? '$data');
      inner.repeated = true;
    }
    Object.values(rest).forEach((n) => readShape(n, inner));
  }
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('${x}', '${heading}', '${$data}', '**bold** _it_ [a](b) `c` # d', '', ' ', '\ufdd0x\ufdd1'),
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'text', 'url'), text, { maxKeys: 2 }),
);

function arbitraryOf(shape: Shape): fc.Arbitrary<unknown> {
  const one =
    shape.keys.size === 0
      ? leaf
      : fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record(Object.fromEntries([...shape.keys].map(([k, s]) => [k, arbitraryOf(s)]))),
          },
          {
            weight: 1,
            arbitrary: fc.record(Object.fromEntries([...shape.keys].map(([k, s]) => [k, arbitraryOf(s)])), {
              requiredKeys: [],
            }),
          },
          { weight: 1, arbitrary: fc.constant(null) },
        );
  return shape.repeated
    ? fc.oneof({ weight: 4, arbitrary: fc.array(one, { maxLength: 3 }) }, { weight: 1, arbitrary: one })
    : one;
}

function dataFor(template: object): fc.Arbitrary<object> {
  const root = newShape();
  readShape(template, root);
  const record = Object.fromEntries([...root.keys].map(([k, s]) => [k, arbitraryOf(s)]));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record(record) },
    { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
  );
}
