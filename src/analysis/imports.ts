import { builtinModules } from 'node:module';
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveVariable, valueUses } from '../util/ast.js';

/**
 * What a name refers to, resolved through its `import` or `require` (ESM, CJS, destructured, renamed, namespace)
 * or through the global object — never guessed from the name alone.
 */
export const { CALL, CONSTRUCT, READ, ESM } = ASTUtils.ReferenceTracker;
export interface TraceMap<T> {
  [key: string]: TraceMap<T>;
  [key: symbol]: T;
}
interface FoundReference<T> {
  node: TSESTree.Node;
  path: readonly string[];
  type: symbol;
  info: T;
}

export interface ModuleReference<T> {
  node: TSESTree.Node;
  path: readonly string[];
  kind: 'call' | 'construct' | 'read';
  info: T;
}

/** Node's own list of its built-in modules (`fs`, `fs/promises`, `child_process`…), each importable as `node:x`. */
const NODE_BUILTINS = new Set(builtinModules);

/** Node built-ins can be imported as `x` or `node:x`; the trace maps name each once. */
function withNodePrefixes<T>(modules: TraceMap<T>): TraceMap<T> {
  const out: TraceMap<T> = { ...modules };
  for (const name of Object.keys(modules)) {
    if (NODE_BUILTINS.has(name)) out[`node:${name}`] = modules[name]!;
  }
  return out;
}

export interface ReferenceSpec<T> {
  /** By module name: `{ vm: { runInNewContext: { [CALL]: info } } }`. Built-ins match `node:` imports too. */
  modules?: TraceMap<T>;
  /** By global name: `{ eval: { [CALL]: info } }`, also reached through `globalThis`, `global`, `window`. */
  globals?: TraceMap<T>;
}

const cache = new WeakMap<TSESTree.Program, Map<object, ModuleReference<unknown>[]>>();

type Scope = TSESLint.Scope.Scope;

/**
 * The tracker only follows globals the config declares. Many serverless projects lint without `globals.node`, so
 * `require`, `setTimeout` and `window` would go unseen; we let it see every undeclared name the file uses as an
 * implicit global (a name with no definitions), without touching the real scope other rules read.
 */
function withImplicitGlobals(globalScope: Scope): Scope {
  // Built on first use: an import-only search never reads the global names.
  let set: Map<string, unknown> | undefined;
  const globals = (): Map<string, unknown> => {
    if (set) return set;
    const implicit = new Map<string, TSESLint.Scope.Reference[]>();
    for (const reference of globalScope.through) {
      const name = reference.identifier.name;
      if (globalScope.set.has(name)) continue;
      let list = implicit.get(name);
      if (!list) implicit.set(name, (list = []));
      list.push(reference);
    }
    set = implicit.size === 0 ? globalScope.set : new Map<string, unknown>(globalScope.set);
    for (const [name, references] of implicit) set.set(name, { name, defs: [], references, identifiers: [], scope: globalScope });
    return set;
  };
  return new Proxy(globalScope, { get: (target, key) => (key === 'set' ? globals() : Reflect.get(target, key)) });
}

/**
 * Every reference in the file to what `spec` describes. Computed once per file and spec (keep specs as module
 * constants), so several rules, or several visits of one rule, share the work.
 */
export function findReferences<T>(sourceCode: TSESLint.SourceCode, spec: ReferenceSpec<T>): ModuleReference<T>[] {
  const program = sourceCode.ast;
  let perFile = cache.get(program);
  if (!perFile) {
    perFile = new Map();
    cache.set(program, perFile);
  }
  const cached = perFile.get(spec);
  if (cached) return cached as ModuleReference<T>[];

  const found: ModuleReference<T>[] = [];
  perFile.set(spec, found);
  // Most files never import `child_process` or `vm`: knowing which names a file can reach spares them the tracker.
  const reachable = reachableNames(sourceCode);
  const modules = spec.modules && pick(spec.modules, reachable.modules);
  const globals = spec.globals && pick(spec.globals, reachable.anyGlobal ? null : reachable.globals);
  if (!modules && !globals) return found;
  const tracker = trackerFor(sourceCode);
  const seen = new Set<TSESTree.Node>();
  const collect = (iterator: Iterable<FoundReference<T>>): void => {
    for (const ref of iterator) {
      if (seen.has(ref.node)) continue;
      seen.add(ref.node);
      const kind = ref.type === CALL ? 'call' : ref.type === CONSTRUCT ? 'construct' : 'read';
      found.push({ node: ref.node, path: ref.path, kind, info: ref.info });
    }
  };
  if (modules) {
    const traced = withNodePrefixes(modules);
    collect(tracker.iterateEsmReferences(traced));
    collect(tracker.iterateCjsReferences(traced));
    // TypeScript's `import iam = require('aws-cdk-lib/aws-iam')`, which the tracker does not read: follow each
    // read of `iam` with the tracker's `iteratePropertyReferences` (in eslint-utils, not in typescript-eslint's types).
    const followFrom = (tracker as unknown as PropertyTracker).iteratePropertyReferences?.bind(tracker);
    for (const { name, variable } of followFrom ? importEqualsBindings(sourceCode) : []) {
      const map = traced[name];
      if (!map) continue;
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        const found = followFrom!(reference.identifier, map) as Iterable<FoundReference<T>>;
        collect((function* () {
          for (const ref of found) yield { ...ref, path: [name, ...ref.path] };
        })());
      }
    }
  }
  if (globals) collect(tracker.iterateGlobalReferences(globals));
  // `promisify` comes from `util`: only a file that imports it can wrap a sink with it.
  if (modules && spec !== PROMISIFY && reachable.modules.has('util')) collect(promisifiedCalls(sourceCode, tracker, withNodePrefixes(modules)));
  return found;
}

const callSpecs = new WeakMap<readonly object[], ReferenceSpec<unknown>>();

/**
 * The calls in the file of functions named by where they come from (`{ module: './http.js', path: ['readBody'] }`,
 * no `module` for a global), each with its entry; the user's sources and validators from settings.
 */
export function callsOf<T extends { module?: string; path: readonly string[] }>(sourceCode: TSESLint.SourceCode, entries: readonly T[]): Map<TSESTree.Node, T> {
  let spec = callSpecs.get(entries) as ReferenceSpec<T> | undefined;
  if (!spec) {
    const modules: TraceMap<T> = {};
    const globals: TraceMap<T> = {};
    for (const entry of entries) {
      let map = entry.module ? (modules[entry.module] ??= {}) : globals;
      for (const segment of entry.path) map = map[segment] ??= {};
      map[CALL] ??= entry;
    }
    spec = { modules, globals };
    callSpecs.set(entries, spec);
  }
  const calls = new Map<TSESTree.Node, T>();
  for (const ref of findReferences(sourceCode, spec)) if (ref.kind === 'call') calls.set(ref.node, ref.info);
  return calls;
}

const PROMISIFY: ReferenceSpec<true> = { modules: { util: { promisify: { [CALL]: true } } } };

/** A copy of a trace map in which every function that can be called can also be read (to find it handed on). */
function readableCopy<T>(map: TraceMap<T>): TraceMap<T> {
  const copy: TraceMap<T> = {};
  for (const key of Object.keys(map)) copy[key] = readableCopy(map[key]!);
  for (const symbol of Object.getOwnPropertySymbols(map)) copy[symbol] = map[symbol]!;
  if (map[CALL] !== undefined && map[READ] === undefined) copy[READ] = map[CALL];
  return copy;
}

/**
 * `const run = util.promisify(exec)` then `run(cmd)`: the promisified function takes the same arguments (less the
 * callback), so its calls are calls of what was promisified. Node's own documentation writes `exec` this way.
 */
function* promisifiedCalls<T>(
  sourceCode: TSESLint.SourceCode,
  tracker: InstanceType<typeof ASTUtils.ReferenceTracker>,
  modules: TraceMap<T>,
): Iterable<FoundReference<T>> {
  const wrappers = new Set(findReferences(sourceCode, PROMISIFY).map((ref) => ref.node));
  if (wrappers.size === 0) return;
  const readable = readableCopy(modules);
  const reads = [...tracker.iterateEsmReferences(readable), ...tracker.iterateCjsReferences(readable)] as FoundReference<T>[];
  for (const read of reads) {
    if (read.type !== READ) continue;
    for (const use of readsOfBinding(sourceCode, read.node)) {
      const wrapper = use.parent;
      if (wrapper?.type !== 'CallExpression' || wrapper.arguments[0] !== use || !wrappers.has(wrapper)) continue;
      for (const promisified of valueUses(sourceCode, wrapper)) {
        const call = promisified.parent;
        if (call?.type === 'CallExpression' && call.callee === promisified) yield { node: call, path: read.path, type: CALL, info: read.info };
      }
    }
  }
}

/** Where a value the tracker saw read is used: the read itself, or the reads of the name it was bound to. */
function readsOfBinding(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  const readsOf = (variables: readonly TSESLint.Scope.Variable[]): TSESTree.Node[] =>
    variables.flatMap((variable) => variable.references.filter((r) => r.isRead()).map((r) => r.identifier));
  if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier') return readsOf(sourceCode.scopeManager?.getDeclaredVariables(node) ?? []);
  if (node.type === 'Property') {
    const value = node.value.type === 'AssignmentPattern' ? node.value.left : node.value;
    const variable = value.type === 'Identifier' ? resolveVariable(sourceCode, value) : null;
    return variable ? readsOf([variable]) : [];
  }
  return valueUses(sourceCode, node);
}

interface PropertyTracker {
  iteratePropertyReferences?: (node: TSESTree.Node, traceMap: TraceMap<unknown>) => Iterable<FoundReference<unknown>>;
}

/** `import x = require('m')` at the top level: the module and the variable `x`. */
function importEqualsBindings(sourceCode: TSESLint.SourceCode): { name: string; variable: TSESLint.Scope.Variable }[] {
  const bindings: { name: string; variable: TSESLint.Scope.Variable }[] = [];
  for (const statement of sourceCode.ast.body) {
    const name = importEqualsModule(statement);
    if (name === null) continue;
    for (const variable of sourceCode.scopeManager?.getDeclaredVariables(statement) ?? []) bindings.push({ name, variable });
  }
  return bindings;
}

/** The module of `import x = require('m')` (also `export import x = …`), else null. */
function importEqualsModule(statement: TSESTree.ProgramStatement): string | null {
  if (statement.type !== 'TSImportEqualsDeclaration' || statement.moduleReference.type !== 'TSExternalModuleReference') return null;
  const expression = statement.moduleReference.expression;
  return expression.type === 'Literal' && typeof expression.value === 'string' ? expression.value : null;
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

interface ReachableNames {
  /** Module specifiers the file imports or requires with a literal, each also without its `node:` prefix. */
  modules: Set<string>;
  /** Globals the file uses by name. */
  globals: Set<string>;
  /** The file uses the global object (`globalThis.eval`), so any global may be reached through it. */
  anyGlobal: boolean;
}

const reachableCache = new WeakMap<TSESTree.Program, ReachableNames>();

/**
 * What the reference tracker could find in this file, read off the top-level imports and the scope's unresolved
 * names: the same places the tracker starts from, so a name missing here cannot be found by it.
 */
function reachableNames(sourceCode: TSESLint.SourceCode): ReachableNames {
  const program = sourceCode.ast;
  const cached = reachableCache.get(program);
  if (cached) return cached;
  const modules = new Set<string>();
  const add = (specifier: unknown): void => {
    if (typeof specifier !== 'string') return;
    modules.add(specifier);
    if (specifier.startsWith('node:')) modules.add(specifier.slice(5));
  };
  for (const statement of program.body) {
    if (
      (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') &&
      statement.source
    ) {
      add(statement.source.value);
    } else {
      add(importEqualsModule(statement));
    }
  }
  const globals = new Set<string>();
  for (const reference of sourceCode.scopeManager?.globalScope?.through ?? []) {
    const name = reference.identifier.name;
    globals.add(name);
    const call = reference.identifier.parent;
    if (name === 'require' && call?.type === 'CallExpression' && call.callee === reference.identifier) {
      const [argument] = call.arguments;
      if (argument?.type === 'Literal') add(argument.value);
      else if (argument?.type === 'TemplateLiteral' && argument.expressions.length === 0) add(argument.quasis[0]?.value.cooked);
    }
  }
  // A declared global (`/* global require */`, `globals.node`) is not in `through`; its references still count.
  for (const variable of sourceCode.scopeManager?.globalScope?.variables ?? []) {
    if (variable.defs.length > 0 || variable.references.length === 0) continue;
    globals.add(variable.name);
    if (variable.name !== 'require') continue;
    for (const reference of variable.references) {
      const call = reference.identifier.parent;
      if (call?.type === 'CallExpression' && call.callee === reference.identifier && call.arguments[0]?.type === 'Literal') add(call.arguments[0].value);
    }
  }
  const anyGlobal = [...GLOBAL_OBJECTS].some((name) => globals.has(name));
  const names = { modules, globals, anyGlobal };
  reachableCache.set(program, names);
  return names;
}

/** The entries of a trace map named in `names` (or all, for `null`), or null when none are: the smaller side is read. */
function pick<T>(map: TraceMap<T>, names: ReadonlySet<string> | null): TraceMap<T> | null {
  let kept: string[];
  if (names === null) kept = Object.keys(map);
  else {
    kept = [];
    for (const name of names) if (Object.hasOwn(map, name)) kept.push(name);
  }
  return kept.length > 0 ? Object.fromEntries(kept.map((name) => [name, map[name]!])) : null;
}

const trackers = new WeakMap<TSESTree.Program, InstanceType<typeof ASTUtils.ReferenceTracker>>();

/** One tracker per file, shared by every spec. */
function trackerFor(sourceCode: TSESLint.SourceCode): InstanceType<typeof ASTUtils.ReferenceTracker> {
  let tracker = trackers.get(sourceCode.ast);
  if (!tracker) {
    tracker = new ASTUtils.ReferenceTracker(withImplicitGlobals(sourceCode.scopeManager!.globalScope!), { mode: 'legacy' });
    trackers.set(sourceCode.ast, tracker);
  }
  return tracker;
}

const localsCache = new WeakMap<TSESTree.Program, Map<string, string>>();

/**
 * Local name → module name for top-level `import`s and `require`s (`const middy = require('@middy/core')`,
 * `import { z } from 'zod'`). Used where a rule asks "does this name come from that library?".
 */
export function moduleOfLocals(sourceCode: TSESLint.SourceCode): Map<string, string> {
  const program = sourceCode.ast;
  const cached = localsCache.get(program);
  if (cached) return cached;
  const locals = new Map<string, string>();
  for (const statement of program.body) {
    const importEquals = importEqualsModule(statement);
    if (importEquals !== null && statement.type === 'TSImportEqualsDeclaration') {
      locals.set(statement.id.name, importEquals);
    } else if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers) locals.set(specifier.local.name, statement.source.value);
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const module = requiredModule(declarator.init);
        if (!module) continue;
        if (declarator.id.type === 'Identifier') locals.set(declarator.id.name, module);
        else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type === 'Property' && property.value.type === 'Identifier') {
              locals.set(property.value.name, module);
            }
          }
        }
      }
    }
  }
  localsCache.set(program, locals);
  return locals;
}

const importedCache = new WeakMap<TSESTree.Program, Set<string>>();

/**
 * Every module the file's top-level statements import or require, also where the binding is not the module itself:
 * what a call of it makes (`const knex = require('knex')(config)`, `require('sqlite3').verbose()`) and bare imports.
 * For "does the file use that library?"; `moduleOfLocals` answers "is this name that library?".
 */
export function importedModules(sourceCode: TSESLint.SourceCode): ReadonlySet<string> {
  const program = sourceCode.ast;
  let modules = importedCache.get(program);
  if (modules) return modules;
  modules = new Set(moduleOfLocals(sourceCode).values());
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') modules.add(statement.source.value);
    else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        let node: TSESTree.Node | null = declarator.init;
        // `require('m')(…)`, `require('m').verbose()`, `await require('m')(…)`.
        while (node && (node.type === 'CallExpression' || node.type === 'MemberExpression' || node.type === 'AwaitExpression')) {
          const module = node.type === 'CallExpression' ? requiredModule(node) : null;
          if (module) {
            modules.add(module);
            break;
          }
          node = node.type === 'CallExpression' ? node.callee : node.type === 'MemberExpression' ? node.object : node.argument;
        }
      }
    }
  }
  importedCache.set(program, modules);
  return modules;
}

/** `'m'` for `require('m')`, `require('m').x`, `await import('m')`. */
function requiredModule(init: TSESTree.Expression | null): string | null {
  let node: TSESTree.Node | null = init;
  while (node && (node.type === 'MemberExpression' || node.type === 'AwaitExpression')) {
    node = node.type === 'MemberExpression' ? node.object : node.argument;
  }
  if (!node) return null;
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === 'Literal' &&
    typeof node.arguments[0].value === 'string'
  ) {
    return node.arguments[0].value;
  }
  if (node.type === 'ImportExpression' && node.source.type === 'Literal' && typeof node.source.value === 'string') {
    return node.source.value;
  }
  return null;
}

/**
 * The module an identifier is imported from, when it really is the top-level import or `require` binding — not a
 * local function, parameter or variable of the same name that shadows it (`function validate(x) { return true }`).
 */
export function importedModule(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): string | null {
  const module = moduleOfLocals(sourceCode).get(identifier.name);
  if (!module) return null;
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier);
  while (scope) {
    const variable = scope.set.get(identifier.name);
    if (variable) {
      const def = variable.defs[0];
      const topLevel = variable.scope.type === 'module' || variable.scope.type === 'global' || variable.scope.block.type === 'Program';
      if (!def || !topLevel) return null;
      return def.type === 'ImportBinding' || def.type === 'Variable' ? module : null;
    }
    scope = scope.upper;
  }
  return null;
}

/**
 * The exported name behind a local import binding: `parse` for `import { parse as check } from 'valibot'` or
 * `const { parse: check } = require('valibot')`, `body` for `const body = require('express-validator').body`; null
 * for a default import, a namespace, a whole `require`, and a name that is not an import binding.
 */
export function importedName(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): string | null {
  const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  const node = definition?.node;
  if (node?.type === 'ImportSpecifier') {
    return node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
  }
  if (node?.type === 'VariableDeclarator' && requiredModule(node.init)) {
    if (node.id.type === 'ObjectPattern') {
      for (const property of node.id.properties) {
        if (property.type !== 'Property' || property.value !== definition!.name) continue;
        if (property.key.type === 'Identifier' && !property.computed) return property.key.name;
        if (property.key.type === 'Literal') return String(property.key.value);
      }
    }
    const init = node.init;
    if (init?.type === 'MemberExpression') {
      const name = ASTUtils.getPropertyName(init);
      if (name) return name;
    }
  }
  return null;
}
