// The bindings our templates in cards/ use, parsed once: a whole string "${path}" (or "${$data}") for a
// value, and "${path != null}" or "${count(path) > 0}" for a "$when". They are evaluated the way the
// adaptivecards-templating engine evaluates them, which tests/render/adaptive-card compares against.

/** What a value binding gives in a scope: the data's own value, or its text when the path finds nothing. */
export type ValueBinding = (scope: unknown) => unknown;
export type ConditionBinding = (scope: unknown) => boolean;

const PATH = String.raw`\$data|(?!(?:true|false|null)\b)[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*`;
const VALUE = new RegExp(`^\\$\\{(${PATH})\\}$`);
const NOT_NULL = new RegExp(`^\\$\\{(${PATH}) != null\\}$`);
const COUNT = new RegExp(`^\\$\\{count\\((${PATH})\\) > 0\\}$`);

export const isBinding = (text: string): boolean => text.includes('${');

export function valueBinding(text: string): ValueBinding | undefined {
  const path = VALUE.exec(text)?.[1];
  if (path === undefined) return undefined;
  const segments = segmentsOf(path);
  // The engine leaves a binding whose path finds nothing as its own text; a null stays null.
  return (scope) => {
    const value = lookup(scope, segments);
    return value === undefined ? text : value;
  };
}

export function conditionBinding(text: string): ConditionBinding | undefined {
  const present = NOT_NULL.exec(text)?.[1];
  if (present !== undefined) {
    const segments = segmentsOf(present);
    return (scope) => lookup(scope, segments) != null;
  }
  const counted = COUNT.exec(text)?.[1];
  if (counted === undefined) return undefined;
  const segments = segmentsOf(counted);
  // count() takes a string, an array or an object; on anything else it fails, and a failed $when is false.
  return (scope) => {
    const value = lookup(scope, segments);
    if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  };
}

const segmentsOf = (path: string): string[] => (path === '$data' ? [] : path.split('.'));

/**
 * The value at a path as adaptive-expressions finds it: own keys only, matched without regard to case
 * (the first such key wins), and nothing below a falsy value.
 */
function lookup(scope: unknown, segments: string[]): unknown {
  let value = scope;
  for (const segment of segments) {
    if (!value) return undefined;
    const lower = segment.toLowerCase();
    const key = Object.keys(value).find((k) => k.toLowerCase() === lower);
    value = key === undefined ? undefined : (value as Record<string, unknown>)[key];
  }
  return value;
}
