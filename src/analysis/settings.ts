import type { TSESLint } from '@typescript-eslint/utils';
import { SINK_KINDS, type SinkKind, type SinkModel } from '../models/types.js';

/**
 * Shared settings, read by every rule that uses the handler core:
 *
 * ```js
 * settings: { 'serverless-security': {
 *   handlerNames: ['main'], validators: ['checkOrder'], trustedInputPaths: [],
 *   sinks: [{ kind: 'sql', module: './db.js', path: ['runQuery'] }],
 * } }
 * ```
 */
export interface CoreSettings {
  /** Export names that are handlers, besides `handler` and the shapes found by their parameters. */
  handlerNames: string[];
  /** Functions (`checkOrder`) or methods (`schemas.check`) that validate their argument. */
  validators: string[];
  /** Input properties set by the platform, not the caller (`requestContext`); segment names, any depth. */
  trustedInputPaths: string[];
  /** The user's own sinks, added to the models catalogue. */
  sinks: SinkModel[];
  /** The user's own sanitisers: `{ kind: 'html', module: './html.js', path: ['escape'] }`. */
  sanitizers: UserSanitizer[];
}

export interface UserSanitizer {
  kind: SinkKind;
  module?: string;
  path: string[];
}

const DEFAULT_HANDLER_NAMES = ['handler'];

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const SINK_KEYS = new Set(['kind', 'module', 'path', 'argument', 'property', 'construct']);

/**
 * `{ kind, module?, path, argument?, property?, construct? }`: `runQuery` imported from `./db.js` is an SQL sink
 * at argument 0. A malformed entry is a configuration error that names it — a silent typo would switch a check off.
 */
function sinkEntry(raw: unknown, index: number, list = 'sinks'): SinkModel {
  const fail = (why: string): never => {
    throw new Error(`serverless-security: settings['serverless-security'].${list}[${index}] ${why}: ${JSON.stringify(raw)}`);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('must be an object');
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) if (!SINK_KEYS.has(key)) fail(`has an unknown key \`${key}\``);
  if (!SINK_KINDS.includes(entry.kind as SinkKind)) fail(`has an unknown kind (one of ${SINK_KINDS.join(', ')})`);
  if (entry.module !== undefined && (typeof entry.module !== 'string' || entry.module === '')) fail('has a `module` that is not a module name');
  const path = typeof entry.path === 'string' ? [entry.path] : entry.path;
  if (!Array.isArray(path) || path.length === 0 || !path.every((p) => typeof p === 'string' && p !== '')) fail('needs `path`, the names from the module or global to the function');
  if (entry.argument !== undefined && !(Number.isInteger(entry.argument) && (entry.argument as number) >= 0)) fail('has an `argument` that is not an index');
  if (entry.property !== undefined && typeof entry.property !== 'string') fail('has a `property` that is not a name');
  if (entry.construct !== undefined && typeof entry.construct !== 'boolean') fail('has a `construct` that is not a boolean');
  return {
    kind: entry.kind as SinkKind,
    ...(entry.module ? { module: entry.module as string } : {}),
    path: path as string[],
    arguments: [(entry.argument as number | undefined) ?? 0],
    ...(entry.property ? { property: entry.property as string } : {}),
    ...(entry.construct ? { construct: true } : {}),
  };
}

const sinksCache = new WeakMap<object, SinkModel[]>();

/** Malformed names lists are ignored (a linter must not crash on a typo); malformed sinks are reported. */
export function coreSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): CoreSettings {
  const raw = (context.settings?.['serverless-security'] ?? {}) as Record<string, unknown>;
  let sinks: SinkModel[] = [];
  if (raw.sinks !== undefined) {
    if (!Array.isArray(raw.sinks)) throw new Error("serverless-security: settings['serverless-security'].sinks must be an array");
    sinks = sinksCache.get(raw.sinks) ?? raw.sinks.map((entry, index) => sinkEntry(entry, index));
    sinksCache.set(raw.sinks, sinks);
  }
  let sanitizers: UserSanitizer[] = [];
  if (raw.sanitizers !== undefined) {
    if (!Array.isArray(raw.sanitizers)) throw new Error("serverless-security: settings['serverless-security'].sanitizers must be an array");
    const list = raw.sanitizers as unknown[];
    sanitizers = list.map((entry, index) => {
      const { kind, module, path } = sinkEntry(entry, index, 'sanitizers') as { kind: SinkKind; module?: string; path: string[] };
      return { kind, ...(module ? { module } : {}), path };
    });
  }
  return {
    sanitizers,
    handlerNames: [...DEFAULT_HANDLER_NAMES, ...asStrings(raw.handlerNames)],
    validators: asStrings(raw.validators),
    trustedInputPaths: asStrings(raw.trustedInputPaths),
    sinks,
  };
}
