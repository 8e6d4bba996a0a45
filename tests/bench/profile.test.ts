// bench:profile's grouping of a CPU profile's self time: by package (scoped or not, the innermost
// node_modules), our src/ and its generated client, WebAssembly, node's internals and the collector.
import { describe, expect, it } from 'vitest';
import { groupOf, selfTimeByGroup } from '../../bench/profile.js';

const frame = (url: string, functionName = 'f') => ({ url, functionName });

describe('grouping a CPU profile', () => {
  it.each([
    ['file:///app/node_modules/@prisma/client/runtime/client.js', '@prisma/client'],
    ['file:///app/node_modules/botbuilder-core/lib/turnContext.js', 'botbuilder-core'],
    ['file:///app/node_modules/a/node_modules/@azure/msal-node/dist/x.js', '@azure/msal-node'],
    ['file:///app/src/domain/status.ts', 'our src/'],
    ['file:///app/dist/src/domain/status.js', 'our src/'],
    ['file:///app/src/generated/prisma/client.ts', 'our generated Prisma client'],
    ['wasm://wasm/0123abcd', "WebAssembly (Prisma's query compiler)"],
    ['node:internal/http', 'node (internals, http, natives)'],
    ['', 'node (internals, http, natives)'],
  ])('%s counts under %s', (url, group) => {
    expect(groupOf(frame(url))).toBe(group);
  });

  it('names the collector and idle time', () => {
    expect(groupOf(frame('', '(garbage collector)'))).toBe('GC');
    expect(groupOf(frame('', '(idle)'))).toBe('(idle)');
  });

  it('adds each sample’s time to its node’s group, largest first', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('file:///app/src/a.ts') },
        { id: 2, callFrame: frame('file:///app/node_modules/zod/index.js') },
        { id: 3, callFrame: frame('', '(garbage collector)') },
      ],
      samples: [1, 2, 2, 3, 2],
      timeDeltas: [1000, 2000, 3000, 500, 1000],
    };
    expect(selfTimeByGroup(profile)).toEqual([
      ['zod', 6],
      ['our src/', 1],
      ['GC', 0.5],
    ]);
  });
});
