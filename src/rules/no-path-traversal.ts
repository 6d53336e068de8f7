import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { analyse, type InputLabel } from '../analysis/index.js';
import { moduleOfLocals } from '../analysis/imports.js';
import { calleeName, resolveVariable, rootIdentifier, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageIds = 'pathFromInput' | 'suggestBasename';

const PATH_MODULES = new Set(['path', 'node:path']);
/** `path.join`/`path.resolve` and their `posix` forms: the calls that assemble a path from pieces. */
const JOINING_METHODS = new Set(['join', 'resolve']);

/** `@fastify/static`'s `reply.sendFile(name)` serves from the root the plugin was registered with, as `send` does. */
const ROOTED_SENDERS = ['fastify', '@fastify/static'];

/** The namespace name `path` is imported under (`import path from 'node:path'`, `const p = require('path')`). */
function pathNamespace(sourceCode: TSESLint.SourceCode): string | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && PATH_MODULES.has(statement.source.value)) {
      const whole = statement.specifiers.find((s) => s.type !== AST_NODE_TYPES.ImportSpecifier);
      if (whole) return whole.local.name;
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init && unwrap(declarator.init);
        if (
          declarator.id.type === AST_NODE_TYPES.Identifier &&
          init?.type === AST_NODE_TYPES.CallExpression &&
          calleeName(init.callee) === 'require' &&
          init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          PATH_MODULES.has(String(init.arguments[0].value))
        ) {
          return declarator.id.name;
        }
      }
    }
  }
  return null;
}

/**
 * The pieces a path is assembled from, flattened: the values of a template literal, a `+` chain, or
 * `path.join(…)`/`path.resolve(…)` (constants dropped); null when the expression is not such an assembly.
 */
function pathPieces(sourceCode: TSESLint.SourceCode, node: Node): Node[] | null {
  const value = unwrap(node);
  let parts: Node[];
  if (value.type === AST_NODE_TYPES.TemplateLiteral) parts = value.expressions;
  else if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+') parts = [value.left, value.right];
  else if (value.type === AST_NODE_TYPES.CallExpression && JOINING_METHODS.has(calleeName(value.callee) ?? '')) {
    const root = rootIdentifier(value.callee);
    if (!root || !PATH_MODULES.has(moduleOfLocals(sourceCode).get(root.name) ?? '')) return null;
    parts = value.arguments;
  } else return null;
  return parts.flatMap((part) => (unwrap(part).type === AST_NODE_TYPES.Literal ? [] : (pathPieces(sourceCode, part) ?? [part])));
}

/**
 * The one input-carrying name in the path's assembly (`name` in `path.join(DIR, name)` or `` `/tmp/${key}` ``),
 * following a `const` the sink receives; null when several pieces carry input or the path is not assembled here.
 */
function joinedName(sourceCode: TSESLint.SourceCode, node: Node, carries: (n: Node) => boolean, depth = 0): Node | null {
  const value = unwrap(node);
  const pieces = pathPieces(sourceCode, value);
  if (pieces) {
    const fromInput = pieces.filter(carries);
    const name = fromInput.length === 1 ? unwrap(fromInput[0]!) : null;
    return name?.type === AST_NODE_TYPES.Identifier || (name?.type === AST_NODE_TYPES.MemberExpression && !name.computed) ? name : null;
  }
  if (value.type === AST_NODE_TYPES.Identifier && depth === 0) {
    const def = resolveVariable(sourceCode, value)?.defs[0];
    const holder = def?.node;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init && holder.parent.kind === 'const' && holder.id === def!.name) {
      return joinedName(sourceCode, holder.init, carries, depth + 1);
    }
  }
  return null;
}

export default createRule<[], MessageIds>({
  name: 'no-path-traversal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow file paths built from caller input or uploaded object keys without reducing them to a base name',
      recommended: 'recommended',
      cwe: ['CWE-22'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      pathFromInput:
        '`{{path}}` is in the path `{{target}}` opens, unchecked: `../` in it reaches other files. Keep only its `path.basename()`, or check the resolved path.',
      suggestBasename: 'Keep only the base name: `{{replacement}}`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length === 0) return;
        const rooted = [...moduleOfLocals(sourceCode).values()].some((module) => ROOTED_SENDERS.includes(module));
        for (const place of analysis.sinks('path')) {
          if (rooted && place.entry && 'responseMethod' in place.entry) continue;
          const labels = analysis.inputAt(place.node, 'path');
          const [label] = labels;
          if (!label) continue;
          context.report({
            node: place.node,
            messageId: 'pathFromInput',
            data: { path: label.sourcePath, target: place.target },
            suggest: basenameSuggestion(place.node, labels),
          });
        }
      },
    };

    function basenameSuggestion(node: Node, labels: readonly InputLabel[]): TSESLint.ReportSuggestionArray<MessageIds> {
      const namespace = pathNamespace(sourceCode);
      if (!namespace) return [];
      const sources = new Set(labels.map((l) => l.source));
      const carries = (piece: Node): boolean => analyse(context).inputAt(piece, 'path').some((l) => sources.has(l.source));
      const name = joinedName(sourceCode, node, carries);
      if (!name) return [];
      const replacement = `${namespace}.basename(${sourceCode.getText(name)})`;
      return [{ messageId: 'suggestBasename', data: { replacement }, fix: (fixer) => fixer.replaceText(name, replacement) }];
    }
  },
});
