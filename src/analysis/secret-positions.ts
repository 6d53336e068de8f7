import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { keyName, propertyName } from '../util/ast.js';
import { CONFIG_SECRET_KEYS, CONNECTION_KEYS, words } from './secrets.js';

type Node = TSESTree.Node;

/**
 * The key of a password or client secret written into a connection or client config — an object literal that also
 * says who connects to what (`{ host, user, password: '…' }`, `{ clientId, clientSecret: '…' }`) — or null. There the
 * position is the evidence: a short or simple value is still the password.
 */
export function connectionConfigSecret(node: Node): string | null {
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== node || property.parent?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const key = keyName(property);
  if (!key || !CONFIG_SECRET_KEYS.has(key.toLowerCase())) return null;
  const isConfig = property.parent.properties.some((sibling) => {
    const name = sibling.type === AST_NODE_TYPES.Property ? keyName(sibling) : null;
    return !!name && CONNECTION_KEYS.has(name.toLowerCase());
  });
  if (!isConfig) return null;
  // `{ password: 'Password' }` maps a property to its CloudFormation name; `'db-password'` stands in for one.
  const value = node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : null;
  const keyWords = words(key);
  if (value !== null && words(value).some((word) => keyWords.includes(word) || word === 'password' || word === 'secret')) return null;
  return key;
}

/** The whole `'a' + b + 'c'` a string piece belongs to, when it is one: its outermost `+`, and its text with holes. */
export function concatenationOf(node: Node): Concatenation | null {
  let root: Node = node;
  while (root.parent?.type === AST_NODE_TYPES.BinaryExpression && root.parent.operator === '+') root = root.parent;
  if (root === node || root.type !== AST_NODE_TYPES.BinaryExpression) return null;
  // Each piece of a long chain asks: the chain's text is read once.
  let whole = concatenations.get(root);
  if (!whole) concatenations.set(root, (whole = readConcatenation(root)));
  return whole;
}

interface Concatenation {
  root: TSESTree.BinaryExpression;
  text: string;
  pieces: Node[];
}

const concatenations = new WeakMap<Node, Concatenation>();

function readConcatenation(root: TSESTree.BinaryExpression): Concatenation {
  const pieces: Node[] = [];
  const textOf = (part: Node): string => {
    if (part.type === AST_NODE_TYPES.BinaryExpression && part.operator === '+') return textOf(part.left) + textOf(part.right);
    if (part.type === AST_NODE_TYPES.Literal && typeof part.value === 'string') {
      pieces.push(part);
      return part.value;
    }
    if (part.type === AST_NODE_TYPES.TemplateLiteral) {
      pieces.push(part);
      return part.quasis.map((q) => q.value.cooked ?? q.value.raw).join('${…}');
    }
    return '${…}';
  };
  return { root, text: textOf(root), pieces };
}

/** The name a string literal is given: the variable, property, parameter default, JSX attribute or header it sets. */
export function nameOf(node: TSESTree.Node): string | null {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  // `'Bearer ' + 'abc'`, `x as string`, `` `…` `` in a binary expression: look through to what is being assigned.
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+') ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child))
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.Property:
      return parent.value === child ? keyName(parent) : null;
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === child ? keyName(parent) : null;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === child && parent.left.type === AST_NODE_TYPES.Identifier ? parent.left.name : null;
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== child) return null;
      const left = parent.left;
      if (left.type === AST_NODE_TYPES.Identifier) return left.name;
      return left.type === AST_NODE_TYPES.MemberExpression ? propertyName(left) : null;
    }
    case AST_NODE_TYPES.JSXAttribute:
      return parent.name.type === AST_NODE_TYPES.JSXIdentifier ? parent.name.name : null;
    case AST_NODE_TYPES.BinaryExpression: {
      // `if (password === 'hunter2!')`: a credential compared against a literal is a hard-coded credential.
      if (!['===', '==', '!==', '!='].includes(parent.operator)) return null;
      const other = parent.left === child ? parent.right : parent.left;
      if (other.type === AST_NODE_TYPES.Identifier) return other.name;
      return other.type === AST_NODE_TYPES.MemberExpression ? propertyName(other) : null;
    }
    default:
      return null;
  }
}

/** Strings that are code structure, not data: module specifiers, type-level literals, object keys, directives. */
export function isStructural(node: TSESTree.Literal | TSESTree.TemplateLiteral): boolean {
  const parent = node.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSExternalModuleReference:
    case AST_NODE_TYPES.TSModuleDeclaration:
    case AST_NODE_TYPES.ImportAttribute:
      return true;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
      return parent.key === node;
    case AST_NODE_TYPES.MemberExpression:
      return parent.property === node;
    case AST_NODE_TYPES.ExpressionStatement:
      return 'directive' in parent && !!parent.directive;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'require';
    default:
      return false;
  }
}
