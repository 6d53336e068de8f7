import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, propertyName, resolveVariable, staticString, unwrap } from '../../util/ast.js';

type Node = TSESTree.Node;

/** The parts of a parsed URL that name where it points; checking one of them against a list pins the host. */
const ORIGIN_PARTS = new Set(['hostname', 'host', 'origin']);

/** `https://api.example.com/`: a prefix that fixes scheme and host (the `/` stops `https://api.example.com.evil.io`). */
const FIXED_ORIGIN_PREFIX = /^[a-z][\w+.-]*:\/\/[^/?#\\]+[/?#]/i;

/**
 * The expressions an `if` test pins the address of: where a redirect or a request made with them can go is no
 * longer the caller's choice, though the value is still text they chose (so it stays input for SQL, HTML, paths).
 * - a relative path: `x.startsWith('/')` together with a rejection of `//` or `/\` (both make the browser leave the
 *   site: `//evil.example`, `/\evil.example`) in the same test;
 * - a fixed origin: `x.startsWith('https://app.example.com/')`;
 * - a host allow-list: `ALLOWED.includes(new URL(x).hostname)`, `parsed.host === 'api.example.com'`,
 *   `parsed.hostname.endsWith('.example.com')`, where `parsed` is `new URL(x)`: pins `parsed` and `x`;
 * - a same-origin check: `new URL(x, request.url).origin !== new URL(request.url).origin`.
 * `checked` is what the test checks the value of (an allow-list's argument, one side of an equality); a check on
 * the URL's text such as `x.includes('example.com')` pins nothing (`https://evil.io/?example.com`).
 */
export function addressCheckedBy(sourceCode: TSESLint.SourceCode, test: Node, checked: readonly Node[]): Node[] {
  const pinned: Node[] = [];
  const prefixes = new Map<string, { node: Node; root: boolean; other: boolean }>();
  for (const call of methodCalls(test, 'startsWith')) {
    const receiver = unwrap((call.callee as TSESTree.MemberExpression).object);
    const text = sourceCode.getText(receiver);
    const prefix = call.arguments[0] ? staticString(sourceCode, call.arguments[0]) : null;
    if (prefix === null) continue;
    const entry = prefixes.get(text) ?? { node: receiver, root: false, other: false };
    if (FIXED_ORIGIN_PREFIX.test(prefix)) pinned.push(receiver);
    else if (prefix === '/') entry.root = true;
    else if (prefix === '//' || prefix === '/\\') entry.other = true;
    prefixes.set(text, entry);
  }
  for (const { node, root, other } of prefixes.values()) if (root && other) pinned.push(node);
  for (const call of methodCalls(test, 'endsWith')) {
    // `.endsWith('.example.com')`: the leading dot keeps `evilexample.com` out.
    const suffix = call.arguments[0] ? staticString(sourceCode, call.arguments[0]) : null;
    if (suffix?.startsWith('.')) pinned.push(...urlsOf(sourceCode, (call.callee as TSESTree.MemberExpression).object));
  }
  // `new URL(next, request.url).origin !== new URL(request.url).origin`: a same-origin check.
  for (const comparison of atoms(test)) {
    if (comparison.type !== AST_NODE_TYPES.BinaryExpression || !['===', '!==', '==', '!='].includes(comparison.operator)) continue;
    pinned.push(...urlsOf(sourceCode, comparison.left), ...urlsOf(sourceCode, comparison.right));
  }
  for (const node of checked) pinned.push(...urlsOf(sourceCode, node));
  return pinned;
}

/** For `u.hostname` (or `new URL(x).host`): `u` and the text it was parsed from; else nothing. */
function urlsOf(sourceCode: TSESLint.SourceCode, node: Node): Node[] {
  const member = unwrap(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || !ORIGIN_PARTS.has(propertyName(member) ?? '')) return [];
  const object = unwrap(member.object);
  const parsedFrom = (value: Node): Node | null =>
    value.type === AST_NODE_TYPES.NewExpression && calleeName(value.callee) === 'URL' && value.arguments[0] ? value.arguments[0] : null;
  const direct = parsedFrom(object);
  if (direct) return [direct];
  if (object.type !== AST_NODE_TYPES.Identifier) return [];
  const holder = resolveVariable(sourceCode, object)?.defs[0]?.node;
  const source = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init ? parsedFrom(unwrap(holder.init)) : null;
  return source ? [object, source] : [object];
}

/** The conditions a test made of `!`, `&&` and `||` combines. */
function atoms(test: Node): Node[] {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return atoms(node.argument);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return [...atoms(node.left), ...atoms(node.right)];
  return [node];
}

/** `x.method(…)` calls among a test's conditions. */
function methodCalls(test: Node, method: string): TSESTree.CallExpression[] {
  return atoms(test).filter((node): node is TSESTree.CallExpression => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(node.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === method;
  });
}
