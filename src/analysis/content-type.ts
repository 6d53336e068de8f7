import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunctionNode, keyName, propertyName, resolveVariable, rootIdentifier, staticString, unwrap, walk } from '../util/ast.js';

type Node = TSESTree.Node;

/** Response methods that set the content type: `res.type('json')`, `res.set('Content-Type', …)`, `reply.header(…)`. */
const TYPE_METHODS = new Set(['type', 'contentType']);
const HEADER_METHODS = new Set(['set', 'setHeader', 'header', 'append']);

/**
 * The content type a response declares before `write` sends a body: on the call's own chain
 * (`res.type('json').send(x)`, `res.set('Content-Type', 'text/plain').send(x)`) or earlier in the same function on
 * the same response (`res.setHeader('Content-Type', …)`, `res.writeHead(200, { 'Content-Type': … })`,
 * `ctx.type = 'html'`). Null when none is declared or its value is not known.
 */
export function declaredContentType(sourceCode: TSESLint.SourceCode, write: TSESTree.CallExpression): string | null {
  const callee = unwrap(write.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  for (let link = unwrap(callee.object); link.type === AST_NODE_TYPES.CallExpression; ) {
    const declared = typeSetBy(sourceCode, link);
    if (declared) return declared;
    const inner = unwrap(link.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) break;
    link = unwrap(inner.object);
  }
  const root = rootIdentifier(callee.object);
  if (!root) return null;
  // The whole handler that received `res`, also when the body is sent from a callback inside it.
  const def = resolveVariable(sourceCode, root)?.defs[0];
  const fn = def?.type === 'Parameter' && isFunctionNode(def.node) ? def.node : enclosingFunction(write);
  if (!fn) return null;
  let declared: string | null = null;
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (node.range[0] >= write.range[0]) return;
    if (node.type === AST_NODE_TYPES.CallExpression && rootIdentifier(node.callee)?.name === root.name) {
      declared = typeSetBy(sourceCode, node) ?? declared;
    } else if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(node.left) === 'type' &&
      rootIdentifier(node.left)?.name === root.name
    ) {
      declared = staticString(sourceCode, node.right) ?? declared;
    }
  });
  return declared;
}

/** The content type one call sets, if it is a type-setting call with a known value. */
function typeSetBy(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = propertyName(callee) ?? '';
  const [first, second] = call.arguments;
  if (TYPE_METHODS.has(method) && first) return staticString(sourceCode, first);
  if (HEADER_METHODS.has(method) && first && second && /^content-type$/i.test(staticString(sourceCode, first) ?? '')) {
    return staticString(sourceCode, second);
  }
  if (HEADER_METHODS.has(method) && first && unwrap(first).type === AST_NODE_TYPES.ObjectExpression) return contentTypeIn(sourceCode, first);
  if (method === 'writeHead') {
    const headers = call.arguments.find((a) => unwrap(a).type === AST_NODE_TYPES.ObjectExpression);
    return headers ? contentTypeIn(sourceCode, headers) : null;
  }
  return null;
}

function contentTypeIn(sourceCode: TSESLint.SourceCode, object: Node): string | null {
  const value = unwrap(object);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.Property && /^content-type$/i.test(keyName(property) ?? '')) return staticString(sourceCode, property.value);
  }
  return null;
}

/** `html`, `text/html; charset=utf-8`, `image/svg+xml`: a declared type a browser renders as a page. */
export function isHtmlType(type: string): boolean {
  return /html|svg/i.test(type);
}

/**
 * Whether a body sent without a declared type may be taken for HTML: Koa answers `text/html` for a string that
 * starts with `<` (else `text/plain`), and a browser sniffs a body without a type only from its first bytes. So
 * `'Hello ' + name` is text, while `'<p>' + name` or `name` alone (the caller picks its first character) may not be.
 */
export function startsLikeHtml(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  const value = unwrap(node);
  const first = firstPiece(value);
  if (!first) return true;
  if (first.type === AST_NODE_TYPES.TemplateElement) return /^\s*</.test(first.value.cooked ?? first.value.raw);
  const text = staticString(sourceCode, first);
  return text === null || /^\s*</.test(text);
}

/** The first non-empty piece of a template or `+` chain (the value itself otherwise). */
function firstPiece(node: Node): Node | null {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const head = node.quasis[0];
    if (head && (head.value.cooked ?? head.value.raw) !== '') return head;
    return node.expressions[0] ? firstPiece(unwrap(node.expressions[0])) : head ?? null;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') return firstPiece(unwrap(node.left));
  return node;
}
