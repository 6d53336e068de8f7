import type { SinkModel } from './types.js';

/** The language's and the runtime's globals: code evaluation, patterns, `fetch`, redirects. */
export const jsBuiltins: SinkModel[] = [
  { kind: 'code', path: ['eval'] },
  { kind: 'code', path: ['Function'], construct: 'both', arguments: 'all' },
  { kind: 'code', path: ['setTimeout'], needsString: true },
  { kind: 'code', path: ['setInterval'], needsString: true },
  { kind: 'code', path: ['setImmediate'], needsString: true },
  { kind: 'regex', path: ['RegExp'], construct: 'both' },
  { kind: 'url', path: ['fetch'] },
  { kind: 'url', path: ['Request'], construct: true },
  { kind: 'url', path: ['WebSocket'], construct: true },
  { kind: 'redirect', path: ['Response', 'redirect'] },
];

/**
 * Calls whose result carries their argument's text (`path.join(base, name)` is a path with `name` in it,
 * `moment().format(f)` is text with `f` in it), unlike a lookup whose result is other data.
 */
export const TEXT_CARRYING_FUNCTIONS = new Set([
  'path.join', 'path.resolve', 'path.normalize', 'path.posix.join', 'path.win32.join', 'util.format', 'format',
  'url.resolve', 'url.format', 'sprintf', 'vsprintf',
]);
export const TEXT_CARRYING_METHODS = new Set(['format', 'concat', 'replace', 'replaceAll', 'padStart', 'padEnd']);

/**
 * The same functions by module, however they are imported (`import { join } from 'node:path'`, `import * as p from
 * 'path'` then `p.join`): module → function names.
 */
export const TEXT_CARRYING_IMPORTS: Readonly<Record<string, ReadonlySet<string>>> = {
  path: new Set(['join', 'resolve', 'normalize']),
  util: new Set(['format']),
  url: new Set(['resolve', 'format']),
};
