// Turns schema and cross-check issues into lines a user can act on: file, line, field, what is expected.
import type { LineCounter } from 'yaml';
import { type Document } from 'yaml';

export interface Located {
  path: PropertyKey[];
  message: string;
}

export function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

/** The 1-based line of the deepest node of `path` present in the document. */
export function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/** zod's wording for a missing field ("Invalid input: expected string, received undefined") made actionable. */
function plainMessage(message: string): string {
  const missing = /expected (\w+), received undefined/.exec(message);
  return missing ? `missing: add it (a ${missing[1]})` : message;
}

export function formatIssue(file: string, line: number | null, i: Located): string {
  const where = line === null ? file : `${file}:${line}`;
  const field = fieldName(i.path);
  const message = plainMessage(i.message);
  return field ? `${where}: ${field}: ${message}` : `${where}: ${message}`;
}
