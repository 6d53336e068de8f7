import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, propertyName, resolveVariable, valueParent, type FunctionNode } from '../util/ast.js';
import { functionName, readName, targetName } from './credentials.js';

type Node = TSESTree.Node;

/** Where a random value ends up: the name that says it must be unguessable. */
export interface RandomDestination {
  name: string;
}

/** Methods that turn a random number into (part of) a string or another number, keeping it predictable. */
const SHAPING_METHODS = new Set([
  'toString', 'substring', 'substr', 'slice', 'padStart', 'padEnd', 'toFixed', 'toPrecision', 'replace', 'replaceAll',
  'toUpperCase', 'toLowerCase', 'join', 'concat', 'charAt', 'at', 'charCodeAt', 'codePointAt', 'repeat', 'trim',
]);
/** Functions whose result carries their argument's (predictable) value. */
const SHAPING_FUNCTIONS = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'BigInt']);
const MATH_SHAPING = new Set(['floor', 'ceil', 'round', 'trunc', 'abs']);
/** Callbacks whose results make up the call's result: `Array.from({ length }, () => …)`, `.map(…)`, `.replace(re, …)`. */
const COLLECTING_CALLS = new Set(['from', 'map', 'flatMap', 'replace', 'replaceAll']);
/** Object keys and paths under a public prefix: `public/`, `/public/`. */
const PUBLIC_PREFIX = /^\/?public\//;
/** Names that say nothing of their own about what a value is for. */
const GENERIC_NAMES = new Set(['code', 'value', 'result', 'random', 'rand', 'str', 'string', 'digits', 'chars', 'out', 'output', 'res', 'ret', 's', 'r', 'v', 'n']);
/** Arithmetic and bit operators: the result is as predictable as the operands. */
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '|', '&', '^', '<<', '>>', '>>>', '**']);

/** The identifier through which same-file callers reach a function. */
function functionBinding(fn: FunctionNode): TSESTree.Identifier | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id;
  const { parent } = valueParent(fn);
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : null;
}

/**
 * Follows a `Math.random()` call through what keeps it predictable — arithmetic, `Math.floor`, `.toString(36)`,
 * `.substring`, indexing a character set, template literals, `+=` into a local, returns, same-file callers — to the
 * first name that says the value must be unguessable (`token`, `resetCode`, `sessionId`…), or null. Delays, jitter,
 * sampling, shuffles and UI ids never reach such a name.
 */
export function randomDestination(
  sourceCode: TSESLint.SourceCode,
  random: TSESTree.CallExpression,
  isSecret: (name: string) => boolean,
): RandomDestination | null {
  const seen = new Set<Node>();
  const work: Array<[Node, number]> = [[random, 0]];
  while (work.length > 0) {
    const [start, depth] = work.pop()!;
    if (seen.has(start) || depth > 4) continue;
    seen.add(start);
    let node: Node = start;
    // Climb while the value stays the same predictable value in another shape.
    for (;;) {
      const { parent, child } = valueParent(node);
      if (!parent) break;
      const name = targetName(parent, child);
      if (name !== null) {
        if (isSecret(name)) return { name };
        // `const code = …` inside `sendResetCode()`: a generic name takes its meaning from the function.
        const fn = GENERIC_NAMES.has(name.toLowerCase()) ? enclosingFunction(parent) : null;
        const fnName = fn && functionName(fn);
        if (fnName && isSecret(fnName)) return { name: fnName };
        const holder = parent.type === AST_NODE_TYPES.VariableDeclarator ? parent.id : parent.type === AST_NODE_TYPES.AssignmentExpression ? parent.left : null;
        if (holder?.type === AST_NODE_TYPES.Identifier) {
          for (const reference of resolveVariable(sourceCode, holder)?.references ?? []) {
            if (reference.isRead() && !reference.isWrite()) work.push([reference.identifier, depth + 1]);
          }
        }
        break;
      }
      // `public/${random}.pdf`: a file anyone may fetch, whose unguessable name is its only lock.
      const prefix = parent.type === AST_NODE_TYPES.TemplateLiteral ? parent.quasis[0]?.value.cooked : null;
      if (prefix && PUBLIC_PREFIX.test(prefix)) return { name: `${prefix}…` };
      if (
        (parent.type === AST_NODE_TYPES.BinaryExpression && ARITHMETIC.has(parent.operator)) ||
        (parent.type === AST_NODE_TYPES.UnaryExpression && ['-', '+', '~'].includes(parent.operator)) ||
        parent.type === AST_NODE_TYPES.TemplateLiteral ||
        (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) ||
        (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&') ||
        parent.type === AST_NODE_TYPES.AwaitExpression ||
        (parent.type === AST_NODE_TYPES.MemberExpression && parent.computed && parent.property === child) // `chars[i]`
      ) {
        node = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
        const call = parent.parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent && SHAPING_METHODS.has(propertyName(parent) ?? '')) {
          node = call;
          continue;
        }
        break;
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== child) {
        const callee = parent.callee;
        const fn = callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
        const onMath = callee.type === AST_NODE_TYPES.MemberExpression && readName(callee.object) === 'Math';
        if ((fn && SHAPING_FUNCTIONS.has(fn)) || (onMath && MATH_SHAPING.has(method ?? '')) || (method && ['charAt', 'at', 'fromCharCode'].includes(method))) {
          // `chars.charAt(i)` and `String.fromCharCode(n)` pick a character of the result.
          node = parent;
          continue;
        }
        if (method === 'push' && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
          // `digits.push(x)` fills the array that is later joined into the value.
          for (const reference of resolveVariable(sourceCode, callee.object)?.references ?? []) {
            if (reference.identifier !== callee.object && reference.isRead()) work.push([reference.identifier, depth + 1]);
          }
          break;
        }
        // A cookie, header or map entry named by its key: `res.cookie('sessionId', …)`, `headers.set('x-api-key', …)`.
        const [key] = parent.arguments;
        if (key !== child && key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' && isSecret(key.value)) return { name: key.value };
        break;
      }
      // The function's result: judged by the function's name, then by what its same-file callers store it as.
      const returning =
        parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) :
        parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === child ? parent : null;
      if (returning) {
        const name = functionName(returning);
        if (name && isSecret(name)) return { name };
        const callback = valueParent(returning);
        if (callback.parent?.type === AST_NODE_TYPES.CallExpression && callback.parent.arguments.includes(callback.child as TSESTree.CallExpressionArgument)) {
          const collector = callback.parent.callee;
          const method = collector.type === AST_NODE_TYPES.MemberExpression ? propertyName(collector) : null;
          if (method && COLLECTING_CALLS.has(method)) work.push([callback.parent, depth + 1]);
          break;
        }
        const binding = functionBinding(returning);
        for (const reference of (binding && resolveVariable(sourceCode, binding)?.references) ?? []) {
          const call = reference.identifier.parent;
          if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) work.push([call, depth + 1]);
        }
      }
      break;
    }
  }
  return null;
}
