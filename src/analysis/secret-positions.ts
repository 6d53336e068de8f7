import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { keyName } from '../util/ast.js';
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
export function concatenationOf(node: Node): { root: TSESTree.BinaryExpression; text: string; pieces: Node[] } | null {
  let root: Node = node;
  while (root.parent?.type === AST_NODE_TYPES.BinaryExpression && root.parent.operator === '+') root = root.parent;
  if (root === node || root.type !== AST_NODE_TYPES.BinaryExpression) return null;
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
