import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { SinkKind } from '../../models/types.js';
import { calleeName, propertyName, resolveVariable, rootIdentifier, unwrap } from '../../util/ast.js';
import { importedModule } from '../imports.js';

type Node = TSESTree.Node;

/*
 * Hand-written sanitisers: the few shapes people write instead of calling a package (a regex escape, a character
 * strip, a base name by `split`), and the resolved paths a prefix check can vouch for.
 */

/** Characters with a meaning in a pattern; an escaping `replace` must put a `\\` before each of them. */
const PATTERN_SYNTAX = '\\^$.*+?()[]{}|';

/**
 * The places a `replace` makes its receiver safe for:
 * - `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`, the usual hand-written escape (MDN's, escape-string-regexp's): patterns.
 * - `s.replace(/[^\w.-]/g, '')`, stripping all but a few characters: patterns when no pattern syntax is kept, paths
 *   when no `/` or `\\` is kept.
 */
function replacementSanitises(call: TSESTree.CallExpression): SinkKind[] {
  const [pattern, replacement] = call.arguments.map((a) => a && unwrap(a));
  if (pattern?.type !== AST_NODE_TYPES.Literal || !('regex' in pattern) || !pattern.regex.flags.includes('g')) return [];
  if (replacement?.type !== AST_NODE_TYPES.Literal) return [];
  const charClass = /^\[(\^?)([^]*)\]$/.exec(pattern.regex.pattern);
  if (!charClass) return [];
  const [, negated, members] = charClass as unknown as [string, string, string];
  if (!negated) return replacement.value === '\\$&' && [...PATTERN_SYNTAX].every((c) => members.includes(c)) ? ['regex'] : [];
  if (replacement.value !== '') return [];
  // What the class keeps, besides letters, digits and `_`; an escape we do not know keeps who knows what.
  const kept = members.replace(/\\[wds]|a-z|A-Z|0-9/g, '');
  if (/\\[^-.\\/ _]/.test(kept) || kept.includes('\\\\')) return [];
  // A range we do not know (`[^ -~]` keeps every printable character).
  if (/.-./.test(kept.replace(/\\-/g, ''))) return [];
  const literal = kept.replace(/\\/g, '');
  const kinds: SinkKind[] = [];
  if (![...literal].some((c) => PATTERN_SYNTAX.includes(c))) kinds.push('regex');
  // Without a separator a name stays in its folder (`..` alone names the folder above, not a file in it).
  if (!literal.includes('/')) kinds.push('path');
  return kinds;
}

/** `key.split('/').pop()`, `….at(-1)`, `key.slice(key.lastIndexOf('/') + 1)`: the base name, written by hand. */
function isLastPathSegment(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  const [index] = call.arguments;
  if ((method === 'slice' || method === 'substring' || method === 'substr') && call.arguments.length === 1 && index?.type === AST_NODE_TYPES.BinaryExpression) {
    const from = unwrap(index.left);
    return (
      index.operator === '+' &&
      isOne(index.right) &&
      from.type === AST_NODE_TYPES.CallExpression &&
      calleeName(from.callee) === 'lastIndexOf' &&
      from.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      from.arguments[0].value === '/'
    );
  }
  const last = method === 'pop' || (method === 'at' && index?.type === AST_NODE_TYPES.UnaryExpression && index.operator === '-' && isOne(index.argument));
  const split = unwrap(callee.object);
  if (!last || split.type !== AST_NODE_TYPES.CallExpression || calleeName(split.callee) !== 'split') return false;
  const [separator] = split.arguments;
  return separator?.type === AST_NODE_TYPES.Literal && separator.value === '/';
}

function isOne(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === 1;
}

/** The places a method call on input makes its result safe for (`[]` for none). */
export function sanitisingMethodKinds(call: TSESTree.CallExpression, method: string | null): SinkKind[] {
  if (method === 'replace' || method === 'replaceAll') return replacementSanitises(call);
  return isLastPathSegment(call) ? ['path'] : [];
}

/** `path.resolve`/`path.join`/`path.normalize` and `realpath`: their result has no `..` segments left. */
const PATH_RESOLVERS = new Set(['resolve', 'join', 'normalize', 'realpath', 'realpathSync']);
const PATH_RESOLVER_MODULES = new Set(['path', 'node:path', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

/** A `const` holding a resolved path (`const full = path.resolve(ROOT, name)`), or such a call itself. */
export function isResolvedPath(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const def = resolveVariable(sourceCode, value)?.defs[0];
    const holder = def?.node;
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.parent.kind !== 'const' || holder.id !== def!.name || !holder.init) return false;
    value = unwrap(holder.init);
  }
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (value.type !== AST_NODE_TYPES.CallExpression || !PATH_RESOLVERS.has(calleeName(value.callee) ?? '')) return false;
  const root = rootIdentifier(value.callee);
  return !!root && PATH_RESOLVER_MODULES.has(importedModule(sourceCode, root) ?? '');
}
