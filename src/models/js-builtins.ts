import type { SinkModel } from './types.js';

/** The language's and the runtime's globals: code evaluation, patterns, `fetch`, redirects. */
export const jsBuiltins: SinkModel[] = [
  { kind: 'code', path: ['eval'], asValue: true },
  { kind: 'code', path: ['Function'], construct: 'both', arguments: 'all' },
  { kind: 'code', path: ['setTimeout'], needsString: true },
  { kind: 'code', path: ['setInterval'], needsString: true },
  { kind: 'code', path: ['setImmediate'], needsString: true },
  { kind: 'regex', path: ['RegExp'], construct: 'both' },
  { kind: 'url', path: ['fetch'] },
  { kind: 'url', path: ['Request'], construct: true },
  { kind: 'url', path: ['WebSocket'], construct: true },
  { kind: 'redirect', path: ['Response', 'redirect'] },
  // A module named at run time: any file the function can read runs as code.
  { kind: 'code', path: ['require'], variant: 'module' },
];

/**
 * Template engines that compile their template to JavaScript: a template the caller wrote runs on the server
 * (server-side template injection). Templates read from the deployment package are the engine's normal use.
 */
const template = (module: string, names: string[], namespace: string[][] = [[]]): SinkModel[] =>
  namespace.flatMap((prefix) => names.map((name): SinkModel => ({ kind: 'code', module, path: [...prefix, name], variant: 'template' })));

export const templateEngines: SinkModel[] = [
  ...template('lodash', ['template'], [[], ['default']]),
  { kind: 'code', module: 'lodash.template', path: [], variant: 'template' },
  { kind: 'code', module: 'lodash/template', path: [], variant: 'template' },
  ...template('underscore', ['template'], [[], ['default']]),
  ...template('handlebars', ['compile'], [[], ['default']]),
  ...template('ejs', ['render', 'compile'], [[], ['default']]),
  ...template('pug', ['render', 'compile'], [[], ['default']]),
  ...template('nunjucks', ['renderString', 'compile'], [[], ['default']]),
  ...template('dot', ['template', 'compile']),
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

/**
 * Parsers of other formats, by module: what they return is the sender's data in another shape (as `JSON.parse`
 * does), not something looked up with it. `serialize.unserialize(event.headers).Authorization` is still the caller's.
 */
export const PARSING_IMPORTS: Readonly<Record<string, ReadonlySet<string>>> = {
  'node-serialize': new Set(['unserialize']),
  'serialize-to-js': new Set(['deserialize']),
  funcster: new Set(['deserialize', 'deepDeserialize']),
  'js-yaml': new Set(['load', 'safeLoad']),
  yaml: new Set(['parse']),
  cookie: new Set(['parse']),
};

/* What the taint engine needs to know of the language's own functions: pass-through, barriers, collections. */

/** Array methods whose result holds (some of) the receiver's elements. */
export const ELEMENT_RESULTS = new Set(['filter', 'find', 'findLast', 'sort', 'slice', 'reverse', 'at', 'flat']);

/** Calls whose result carries their argument unchanged in substance: parsing and decoding are not validation. */
export const TRANSPARENT_FUNCTIONS = new Set([
  'JSON.parse', 'JSON.stringify', 'Buffer.from', 'decodeURIComponent', 'decodeURI', 'unescape', 'atob', 'String',
  'structuredClone', 'Object.assign', 'Object.values', 'Object.entries', 'Object.keys', 'Object.fromEntries',
  'Array.from', 'Array.of', 'Promise.all', 'Promise.allSettled', 'Promise.resolve', 'querystring.parse', 'qs.parse',
  'Buffer.concat',
]);
export const TRANSPARENT_CONSTRUCTORS = new Set(['URLSearchParams', 'URL', 'Buffer']);

/** Calls whose result is a number, a boolean or an encoded string: the input's text cannot get through. */
export const COERCIONS = new Set([
  'Number', 'parseInt', 'parseFloat', 'Boolean', 'isNaN', 'Number.isNaN', 'Number.isInteger', 'Number.parseInt',
  'Number.parseFloat', 'Number.isFinite', 'Array.isArray', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa',
  'Math.min', 'Math.max', 'Math.abs', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Date.parse',
  'Object.hasOwn', 'Reflect.has', 'crypto.createHash', 'createHash', 'Buffer.isBuffer', 'Buffer.byteLength',
  'Number.isSafeInteger', 'isFinite', 'typeof',
]);

/** Methods that only inspect a value: their result says something about the input but carries none of it. */
export const INSPECTING_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'has', 'test', 'localeCompare', 'hasOwnProperty',
  'every', 'some', 'findIndex', 'isArray', 'equals', 'search',
]);

/** Array methods whose callback receives the elements. */
export const ELEMENT_CALLBACKS = new Set([
  'map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'reduce', 'reduceRight', 'sort',
]);

/** Methods that put a value into a collection. */
export const COLLECTION_WRITES = new Set(['push', 'unshift', 'set', 'add', 'splice', 'fill', 'concat']);
