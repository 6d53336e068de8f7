import type { TSESLint } from '@typescript-eslint/utils';
import { SINK_KINDS, type SinkKind, type SinkModel, type Trust } from '../models/types.js';

/**
 * Shared settings, read by every rule that uses the handler core:
 *
 * ```js
 * settings: { 'serverless-security': {
 *   handlerNames: ['main'], validators: ['checkOrder', { module: './validate.js', path: ['check'] }],
 *   trustedInputPaths: [], sinks: [{ kind: 'sql', module: './db.js', path: ['runQuery'] }],
 *   sources: [{ module: '@company/lambda-utils', path: ['parseEvent'] }],
 * } }
 * ```
 */
export interface CoreSettings {
  /** Export names that are handlers, besides `handler` and the shapes found by their parameters. */
  handlerNames: string[];
  /** Functions (`checkOrder`) or methods (`schemas.check`) that validate their argument, matched by the callee's text. */
  validators: string[];
  /** Validating functions named by where they come from (`{ module: './validate.js', path: ['check'] }`), resolved through imports. */
  validatorFunctions: UserFunction[];
  /** Input properties set by the platform, not the caller (`requestContext`); segment names, any depth. */
  trustedInputPaths: string[];
  /** The user's own sinks, added to the models catalogue. */
  sinks: SinkModel[];
  /** The user's own sanitisers: `{ kind: 'html', module: './html.js', path: ['escape'] }`. */
  sanitizers: UserSanitizer[];
  /** Functions whose result is input, in a handler's code: `{ module: '@company/lambda-utils', path: ['parseEvent'] }`. */
  sources: UserSource[];
}

/** A function named by the module it is imported from (none: a global) and the names from there to it. */
export interface UserFunction {
  module?: string;
  path: string[];
}

export interface UserSanitizer extends UserFunction {
  kind: SinkKind;
}

export interface UserSource extends UserFunction {
  /** Who controls what the function returns. */
  trust: SourceTrust;
}

export type SourceTrust = Exclude<Trust, 'platform'>;
const SOURCE_TRUSTS: readonly SourceTrust[] = ['caller', 'uploader', 'internal'];

const DEFAULT_HANDLER_NAMES = ['handler'];

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

type Fail = (why: string) => never;

function failure(raw: unknown, list: string, index: number): Fail {
  return (why) => {
    throw new Error(`serverless-security: settings['serverless-security'].${list}[${index}] ${why}: ${JSON.stringify(raw)}`);
  };
}

/**
 * The checks every object entry shares: an object, only `keys`, a `module` that is a name, a non-empty `path`. A
 * malformed entry is a configuration error that names it — a silent typo would switch a check off.
 */
function checkedEntry(raw: unknown, list: string, index: number, keys: ReadonlySet<string>): { entry: Record<string, unknown>; fn: UserFunction; fail: Fail } {
  const fail = failure(raw, list, index);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('must be an object');
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) if (!keys.has(key)) fail(`has an unknown key \`${key}\``);
  if (entry.module !== undefined && (typeof entry.module !== 'string' || entry.module === '')) fail('has a `module` that is not a module name');
  const path = typeof entry.path === 'string' ? [entry.path] : entry.path;
  if (!Array.isArray(path) || path.length === 0 || !path.every((p) => typeof p === 'string' && p !== '')) fail('needs `path`, the names from the module or global to the function');
  return { entry, fn: { ...(entry.module ? { module: entry.module as string } : {}), path: path as string[] }, fail };
}

const SINK_KEYS = new Set(['kind', 'module', 'path', 'argument', 'property', 'construct']);

/** `{ kind, module?, path, argument?, property?, construct? }`: `runQuery` imported from `./db.js` is an SQL sink at argument 0. */
function sinkEntry(raw: unknown, index: number, list = 'sinks'): SinkModel {
  const { entry, fn, fail } = checkedEntry(raw, list, index, SINK_KEYS);
  if (!SINK_KINDS.includes(entry.kind as SinkKind)) fail(`has an unknown kind (one of ${SINK_KINDS.join(', ')})`);
  if (entry.argument !== undefined && !(Number.isInteger(entry.argument) && (entry.argument as number) >= 0)) fail('has an `argument` that is not an index');
  if (entry.property !== undefined && typeof entry.property !== 'string') fail('has a `property` that is not a name');
  if (entry.construct !== undefined && typeof entry.construct !== 'boolean') fail('has a `construct` that is not a boolean');
  return {
    kind: entry.kind as SinkKind,
    ...fn,
    arguments: [(entry.argument as number | undefined) ?? 0],
    ...(entry.property ? { property: entry.property as string } : {}),
    ...(entry.construct ? { construct: true } : {}),
  };
}

const SOURCE_KEYS = new Set(['module', 'path', 'trust']);

/** `{ module?, path, trust? }`: what `readBody` imported from `./http.js` returns is input that `trust` controls (the caller by default). */
function sourceEntry(raw: unknown, index: number): UserSource {
  const { entry, fn, fail } = checkedEntry(raw, 'sources', index, SOURCE_KEYS);
  if (entry.trust !== undefined && !SOURCE_TRUSTS.includes(entry.trust as SourceTrust)) fail(`has an unknown trust (one of ${SOURCE_TRUSTS.join(', ')})`);
  return { ...fn, trust: (entry.trust as SourceTrust | undefined) ?? 'caller' };
}

const FUNCTION_KEYS = new Set(['module', 'path']);

/** A `validators` entry: a callee's text (`'schemas.check'`), or `{ module?, path }` resolved through imports. */
function validatorEntry(raw: unknown, index: number): string | UserFunction {
  if (typeof raw === 'string') return raw;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return failure(raw, 'validators', index)('must be a name or an object');
  return checkedEntry(raw, 'validators', index, FUNCTION_KEYS).fn;
}

const splitCache = new WeakMap<object, { names: string[]; functions: UserFunction[] }>();

/** Names matched by text, and functions resolved through imports; the same arrays for every file (the resolver caches by them). */
function splitValidators(list: (string | UserFunction)[]): { names: string[]; functions: UserFunction[] } {
  let split = splitCache.get(list);
  if (!split) {
    split = { names: list.filter((v) => typeof v === 'string'), functions: list.filter((v) => typeof v !== 'string') };
    splitCache.set(list, split);
  }
  return split;
}

/** Per list, the configured arrays already checked (settings are the same object for every file a config lints). */
const parsedCache = new Map<string, WeakMap<object, unknown[]>>();

/** The entries of one list of settings, each checked; parsed once per configured array. */
function entries<T>(raw: Record<string, unknown>, list: string, parse: (entry: unknown, index: number) => T): T[] {
  const value = raw[list];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`serverless-security: settings['serverless-security'].${list} must be an array`);
  const cache = parsedCache.get(list) ?? parsedCache.set(list, new WeakMap()).get(list)!;
  const cached = cache.get(value);
  if (cached) return cached as T[];
  const parsed = value.map((entry, index) => parse(entry, index));
  cache.set(value, parsed);
  return parsed;
}

/**
 * Malformed `handlerNames` and `trustedInputPaths` are ignored (a linter must not crash on a typo); a malformed entry of
 * `sinks`, `sanitizers`, `sources` or `validators` is reported.
 */
const settingsCache = new WeakMap<object, CoreSettings>();
const NO_SETTINGS = {};

export function coreSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): CoreSettings {
  const raw = (context.settings?.['serverless-security'] ?? NO_SETTINGS) as Record<string, unknown>;
  // One configuration's settings are the same object for every file it lints: read them once.
  let settings = settingsCache.get(raw);
  if (!settings) settingsCache.set(raw, (settings = readSettings(raw)));
  return settings;
}

function readSettings(raw: Record<string, unknown>): CoreSettings {
  const sanitizers = entries(raw, 'sanitizers', (entry, index): UserSanitizer => {
    const { kind, module, path } = sinkEntry(entry, index, 'sanitizers') as { kind: SinkKind; module?: string; path: string[] };
    return { kind, ...(module ? { module } : {}), path };
  });
  const { names, functions } = splitValidators(entries(raw, 'validators', validatorEntry));
  return {
    sanitizers,
    handlerNames: [...DEFAULT_HANDLER_NAMES, ...asStrings(raw.handlerNames)],
    validators: names,
    validatorFunctions: functions,
    trustedInputPaths: asStrings(raw.trustedInputPaths),
    sinks: entries(raw, 'sinks', (entry, index) => sinkEntry(entry, index)),
    sources: entries(raw, 'sources', sourceEntry),
  };
}
