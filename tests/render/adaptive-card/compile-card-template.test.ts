import { describe, expect, it } from 'vitest';
import { compileCardTemplate } from '../../../src/render/adaptive-card/compile-card-template.js';

const expand = (template: object, data: unknown) => compileCardTemplate(template, 'cards/test.json')(data);

describe('compileCardTemplate', () => {
  it.each([
    ['text around a binding', { text: 'Hello ${name}' }, '"Hello ${name}" at $.text'],
    ['a function in a value', { text: '${count(items)}' }, '"${count(items)}" at $.text'],
    ['a comparison outside $when', { shown: '${a != null}' }, '"${a != null}" at $.shown'],
    ['$root', { text: '${$root.name}' }, '"${$root.name}" at $.text'],
    ['another condition', { body: [{ $when: '${a == 1}' }] }, '"${a == 1}" at $.body[0].$when'],
    ['a $when that is no binding', { $when: 'true' }, 'the condition "true" at $.$when'],
    ['a $data that is a literal', { $data: [1, 2] }, 'the binding [1,2] at $.$data'],
    ['a constant as a path', { text: '${null}' }, '"${null}" at $.text'],
    ['$index', { body: [{ $index: 0 }] }, 'the key at $.body[0].$index'],
  ])('refuses %s when the template is loaded, naming the card and the binding', (_what, template, said) => {
    expect(() => compileCardTemplate(template, 'cards/test.json')).toThrow(`cards/test.json: `);
    expect(() => compileCardTemplate(template, 'cards/test.json')).toThrow(said);
  });

  it('gives a bound value of any type, null included, and leaves a path that finds nothing as its text', () => {
    expect(
      expand({ a: '${x}', b: '${y.z}', c: '${gone.z}', d: 'plain' }, { x: [1], y: { z: null } }),
    ).toEqual({
      a: [1],
      b: null,
      c: '${gone.z}',
      d: 'plain',
    });
  });

  it('repeats an object per element of its $data, splicing the copies in and dropping those its $when rejects', () => {
    const template = { body: [{ $data: '${rows}', $when: '${v != null}', text: '${v}' }, { text: 'end' }] };
    expect(expand(template, { rows: [{ v: 'a' }, { v: null }, {}, { v: 0 }] })).toEqual({
      body: [{ text: 'a' }, { text: 0 }, { text: 'end' }],
    });
    expect(expand(template, { rows: [] })).toEqual({ body: [{ text: 'end' }] });
  });

  it('counts strings, arrays and objects in $when, and takes anything else as false', () => {
    const template = { body: [{ $when: '${count(x) > 0}', text: 'shown' }] };
    const shown = (x: unknown) => (expand(template, { x }) as { body: unknown[] }).body.length === 1;
    expect([[1], 'a', { k: 1 }, [], '', {}, null, 5].map(shown)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
