import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap, valueUses } from '../util/ast.js';
import { initialiserOf, isPasswordName, readName } from './credentials.js';

/** What crypto calls are given: the text a hash is fed, the bytes an IV is made of. Used by `no-weak-crypto`. */

type Node = TSESTree.Node;
type SourceCode = TSESLint.SourceCode;

/** Calls that hand their argument's text on: `Buffer.from(p)`, `String(p)`, `p.trim()`, `p.normalize()`. */
const TEXT_METHODS = new Set(['toString', 'trim', 'normalize', 'toLowerCase', 'concat']);

/** The password name an expression's text comes from (`password`, `body.pwd`, `salt + password`), or null. */
export function passwordIn(sourceCode: SourceCode, node: Node | undefined, depth = 0): string | null {
  if (!node || depth > 3) return null;
  const value = unwrap(node);
  const name = readName(value);
  if (name && isPasswordName(name)) return name;
  switch (value.type) {
    case AST_NODE_TYPES.Identifier: {
      const init = initialiserOf(sourceCode, value);
      return init ? passwordIn(sourceCode, init, depth + 1) : null;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+' ? (passwordIn(sourceCode, value.left, depth + 1) ?? passwordIn(sourceCode, value.right, depth + 1)) : null;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.map((e) => passwordIn(sourceCode, e, depth + 1)).find(Boolean) ?? null;
    case AST_NODE_TYPES.AwaitExpression:
      return passwordIn(sourceCode, value.argument, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(value.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String') return passwordIn(sourceCode, value.arguments[0], depth + 1);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      const method = propertyName(callee);
      if (method === 'from' && readName(callee.object) === 'Buffer') return passwordIn(sourceCode, value.arguments[0], depth + 1);
      return method && TEXT_METHODS.has(method) ? passwordIn(sourceCode, callee.object, depth + 1) : null;
    }
    default:
      return null;
  }
}

/** A value fixed at write time: a literal, `Buffer.from('…')`, `Buffer.alloc(16)`, `new Uint8Array(16)`, or a const of one. */
export function isConstantBytes(sourceCode: SourceCode, node: Node | undefined, depth = 0): boolean {
  if (!node || depth > 3) return false;
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string' || typeof value.value === 'number';
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.length > 0 && value.elements.every((e) => e?.type === AST_NODE_TYPES.Literal);
    case AST_NODE_TYPES.Identifier: {
      const init = initialiserOf(sourceCode, value);
      return !!init && isConstantBytes(sourceCode, init, depth + 1);
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const callee = unwrap(value.callee);
      const [first] = value.arguments;
      if (callee.type === AST_NODE_TYPES.Identifier && /^(?:Uint8Array|Buffer)$/.test(callee.name)) {
        return !!first && (first.type === AST_NODE_TYPES.Literal || isConstantBytes(sourceCode, first, depth + 1));
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression || readName(callee.object) !== 'Buffer') return false;
      const method = propertyName(callee);
      if (method === 'alloc') return true; // zero-filled, or filled with a constant
      return method === 'from' && isConstantBytes(sourceCode, first, depth + 1);
    }
    default:
      return false;
  }
}

/** `h.update(x)` and `h.digest()` chained on, or called on the variable that holds, a hash object. */
export function hashUses(sourceCode: SourceCode, creation: Node): { updates: Node[]; digests: TSESTree.CallExpression[] } {
  const updates: Node[] = [];
  const digests: TSESTree.CallExpression[] = [];
  for (const start of valueUses(sourceCode, creation)) {
    let node: Node = start;
    for (;;) {
      const member = node.parent;
      const call = member?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) break;
      const method = propertyName(member);
      if (method === 'update' && call.arguments[0]) updates.push(call.arguments[0]);
      else if (method === 'digest') digests.push(call);
      else break;
      node = call;
    }
  }
  return { updates, digests };
}
