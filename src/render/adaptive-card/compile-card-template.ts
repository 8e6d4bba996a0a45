// Turns a template from cards/ into a function that fills it, parsing its bindings once. It does what
// the adaptivecards-templating engine does with the part of the language the templates use (see
// card-binding.ts) and refuses anything else when the template is loaded, so that a new binding is
// met by a clear error rather than by a card that silently differs.
import { conditionBinding, isBinding, valueBinding, type ValueBinding } from './card-binding.js';

/** Fills the template: `data` is the root scope. */
export type ExpandTemplate = (data: unknown) => unknown;

/** Throws, naming the card and the binding, if the template uses anything outside the supported part. */
export function compileCardTemplate(json: object, name: string): ExpandTemplate {
  const refuse = (at: string, what: string): never => {
    throw new Error(
      `${name}: ${what} at ${at} is not supported by compile-card-template.ts, which knows "\${path}", ` +
        `"\${$data}", "$data": "\${path}" and "$when": "\${path != null}" or "\${count(path) > 0}"`,
    );
  };
  return compileNode(json, '$', refuse);
}

type Refuse = (at: string, what: string) => never;

// The engine's own keys, removed from the card; only $data and $when are supported.
const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

function compileNode(node: unknown, at: string, refuse: Refuse): ValueBinding {
  if (typeof node === 'string') {
    if (!isBinding(node)) return () => node;
    return valueBinding(node) ?? refuse(at, `the binding ${JSON.stringify(node)}`);
  }
  if (Array.isArray(node)) return compileArray(node, at, refuse);
  if (typeof node === 'object' && node !== null)
    return compileObject(node as Record<string, unknown>, at, refuse);
  return () => node;
}

/** Items that expand to null are dropped and items that expand to arrays are spliced in, as the engine does. */
function compileArray(nodes: unknown[], at: string, refuse: Refuse): ValueBinding {
  const items = nodes.map((n, i) => compileNode(n, `${at}[${i}]`, refuse));
  return (scope) => {
    const out: unknown[] = [];
    for (const item of items) {
      const value = item(scope);
      if (Array.isArray(value)) out.push(...value);
      else if (value !== null) out.push(value);
    }
    return out;
  };
}

/**
 * An object is filled once per scope its "$data" gives (an array gives one per element, anything else
 * one), skipping those its "$when" rejects: none filled is null, one is the object, more an array.
 */
function compileObject(node: Record<string, unknown>, at: string, refuse: Refuse): ValueBinding {
  const { $data: data, $when: when } = node;
  for (const key of Object.keys(node))
    if (RESERVED.has(key) && key !== '$data' && key !== '$when') refuse(`${at}.${key}`, 'the key');
  const scopes =
    data === undefined
      ? undefined
      : (typeof data === 'string' && valueBinding(data)) ||
        refuse(`${at}.$data`, `the binding ${JSON.stringify(data)}`);
  const keep =
    when === undefined
      ? undefined
      : (typeof when === 'string' && conditionBinding(when)) ||
        refuse(`${at}.$when`, `the condition ${JSON.stringify(when)}`);
  const entries = Object.entries(node)
    .filter(([key]) => !RESERVED.has(key))
    .map(([key, value]) => [key, compileNode(value, `${at}.${key}`, refuse)] as const);

  return (outer) => {
    const bound = scopes?.(outer);
    const contexts = Array.isArray(bound) ? bound : [bound];
    const filled: Record<string, unknown>[] = [];
    let scope = outer;
    for (const context of contexts) {
      // An undefined element keeps the scope before it, as in the engine.
      if (context !== undefined) scope = context;
      if (keep && !keep(scope)) continue;
      const object: Record<string, unknown> = {};
      for (const [key, expand] of entries) object[key] = expand(scope);
      filled.push(object);
    }
    return filled.length === 0 ? null : filled.length === 1 ? filled[0] : filled;
  };
}
