import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** Strips the wrappers that do not change a value: TS assertions, `!`, `satisfies`, optional chains. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent of `node`, skipping the value-preserving wrappers that `unwrap` strips. */
export function valueParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The static name of a member's property (`a.b`, `a['b']`), or null when computed from a value. */
export function propertyName(member: TSESTree.MemberExpression): string | null {
  return ASTUtils.getPropertyName(member);
}

/** A property key's static name in an object literal or pattern. */
export function keyName(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
    if (property.key.type === AST_NODE_TYPES.PrivateIdentifier) return null;
  }
  if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  if (property.key.type === AST_NODE_TYPES.TemplateLiteral && property.key.expressions.length === 0) {
    return property.key.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The value of `key` in an object literal (looking through TS wrappers on both), or null when absent or not a literal object. */
export function propertyValue(object: Node | null | undefined, key: string): Node | null {
  const value = object && unwrap(object);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.Property && keyName(property) === key) return unwrap(property.value);
  }
  return null;
}

/** The variable an identifier refers to, or null for an undeclared global. */
export function resolveVariable(
  sourceCode: TSESLint.SourceCode,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return variable ?? null;
}

/** True when `identifier` names the global of that name (not a local, parameter or import that shadows it). */
export function isGlobalReference(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = resolveVariable(sourceCode, identifier);
  // A global resolves to a variable with no definitions (or to nothing at all in some scope managers).
  return !variable || variable.defs.length === 0;
}

/** The string value of a node when it is known without running the code (literals, constant concatenations). */
export function staticString(sourceCode: TSESLint.SourceCode, node: Node): string | null {
  const result = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  return result && typeof result.value === 'string' ? result.value : null;
}

/** True when a node's value is fully known at lint time (a literal, or constants combined). */
export function isConstant(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  return ASTUtils.getStaticValue(node, sourceCode.getScope(node)) !== null;
}

/** Short source text for messages, such as `ddb.send` for a call's callee; long text is cut. */
export function shortText(sourceCode: TSESLint.SourceCode, node: Node, max = 40): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function isFunctionNode(
  node: Node | null | undefined,
): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression)
  );
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** The innermost function that contains `node`, or null at module level. */
export function enclosingFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/** The name in a callee: `exec` for `exec()`, `send` for `client.send()`. */
export function calleeName(callee: Node): string | null {
  const inner = unwrap(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return propertyName(inner);
  return null;
}

/** The leftmost identifier of a member chain or call chain: `a` in `a.b.c()`, `a.b().c`. */
export function rootIdentifier(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else if (current.type === AST_NODE_TYPES.NewExpression) current = unwrap(current.callee);
    else if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
    else return null;
  }
}

/** Visits `root` and every node below it, depth first, using the parser's own visitor keys (so TS nodes too). */
export function walk(root: Node, visitorKeys: TSESLint.SourceCode['visitorKeys'], visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as Node | null;
          if (item && typeof item === 'object' && 'type' in item) stack.push(item);
        }
      } else if (child && typeof child === 'object' && 'type' in child) {
        stack.push(child as Node);
      }
    }
  }
}

/**
 * The places a created value is used: the expression itself, and every read of the `const x = <creation>` that
 * holds it. (`new Lambda().invoke()`, or `const client = new Lambda(); client.invoke()`.)
 */
export function valueUses(sourceCode: TSESLint.SourceCode, creation: Node): Node[] {
  const uses: Node[] = [creation];
  const holder = creation.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === creation && holder.id.type === AST_NODE_TYPES.Identifier) {
    for (const reference of resolveVariable(sourceCode, holder.id)?.references ?? []) {
      if (reference.isRead()) uses.push(reference.identifier);
    }
  }
  return uses;
}

/** The function a callee names in this file: a declaration or `const f = () => …`. */
export function sameFileFunction(sourceCode: TSESLint.SourceCode, callee: Node): FunctionNode | null {
  const value = unwrap(callee);
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const definition = resolveVariable(sourceCode, value)?.defs[0];
  if (definition?.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
    const init = unwrap(definition.node.init);
    if (isFunctionNode(init)) return init;
  }
  return null;
}

/**
 * `process.env` itself (`{ whole: true }`), or `process.env.NAME` (`{ whole: false, name }`), else null: the
 * environment as a whole holds every secret the function was given.
 */
export function processEnvRead(node: Node): { whole: true } | { whole: false; name: string } | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return null;
  const isProcessEnv = (n: Node): boolean => {
    if (n.type !== AST_NODE_TYPES.MemberExpression || propertyName(n) !== 'env') return false;
    const object = unwrap(n.object);
    return object.type === AST_NODE_TYPES.Identifier && object.name === 'process';
  };
  if (isProcessEnv(node)) {
    const readFurther = node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node;
    return readFurther ? null : { whole: true };
  }
  if (!isProcessEnv(unwrap(node.object))) return null;
  const name = propertyName(node);
  return name ? { whole: false, name } : null;
}

/** Whether a statement always leaves its block: a `return` or `throw`, or a block that ends in one. */
export function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return !!last && exits(last);
  }
  return false;
}
