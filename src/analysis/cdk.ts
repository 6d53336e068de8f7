import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { keyName, resolveVariable, staticString, unwrap, walk } from '../util/ast.js';
import type { ReferenceSpec, TraceMap } from './imports.js';

type Node = TSESTree.Node;

/**
 * A reference spec for CDK submodules under every spelling a stack imports them by: `aws-cdk-lib/aws-lambda`,
 * `aws-cdk-lib`'s `aws_lambda` namespace, and CDK v1's `@aws-cdk/aws-lambda` (also the `-alpha` packages).
 */
export function cdkSpec<T>(bySubmodule: Record<string, TraceMap<T>>): ReferenceSpec<T> {
  const modules: TraceMap<T> = {};
  const root: TraceMap<T> = {};
  for (const [submodule, map] of Object.entries(bySubmodule)) {
    modules[`aws-cdk-lib/${submodule}`] = map;
    modules[`@aws-cdk/${submodule}`] = map;
    modules[`@aws-cdk/${submodule}-alpha`] = map;
    root[submodule.replace(/-/g, '_')] = map;
  }
  modules['aws-cdk-lib'] = root;
  return { modules };
}

/**
 * What a name in construct code stands for: `const api = new RestApi(…)` → the `new` expression, `this.api` → what
 * the class assigned to it (`this.api = new RestApi(…)`). Stops at anything else (a parameter, a call's result).
 */
export function definitionOf(sourceCode: TSESLint.SourceCode, node: Node, depth = 0): Node {
  const value = unwrap(node);
  if (depth > 5) return value;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(sourceCode, value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declarator = def?.node;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init && declarator.id.type === AST_NODE_TYPES.Identifier) {
      const writes = variable!.references.filter((reference) => reference.isWrite() && reference.identifier !== declarator.id);
      return writes.length === 0 ? definitionOf(sourceCode, declarator.init, depth + 1) : value;
    }
    return value;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression && !value.computed) {
    const assigned = thisAssignment(sourceCode, value);
    return assigned ? definitionOf(sourceCode, assigned, depth + 1) : value;
  }
  return value;
}

const assignmentsCache = new WeakMap<TSESTree.ClassBody, Map<string, Node[]>>();

/** The one value a class assigns to `this.<name>` (in any of its methods), or null. */
function thisAssignment(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression): Node | null {
  const name = member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : null;
  let body: Node | undefined = member.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  if (!name || body?.type !== AST_NODE_TYPES.ClassBody) return null;
  let assignments = assignmentsCache.get(body);
  if (!assignments) {
    const found = new Map<string, Node[]>();
    walk(body, sourceCode.visitorKeys, (node) => {
      if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.left.type === AST_NODE_TYPES.MemberExpression &&
        node.left.object.type === AST_NODE_TYPES.ThisExpression &&
        node.left.property.type === AST_NODE_TYPES.Identifier
      ) {
        const list = found.get(node.left.property.name) ?? [];
        list.push(node.right);
        found.set(node.left.property.name, list);
      }
    });
    assignmentsCache.set(body, (assignments = found));
  }
  const values = assignments.get(name);
  return values?.length === 1 ? values[0]! : null;
}

/** The object literal a value stands for (through `const props = {…}`), or null. */
export function objectOf(sourceCode: TSESLint.SourceCode, node: Node | null | undefined): TSESTree.ObjectExpression | null {
  if (!node) return null;
  const value = definitionOf(sourceCode, node);
  return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

/** The property `key` of an object literal (through `const props = {…}`), as the Property node, or null. */
export function propertyOf(sourceCode: TSESLint.SourceCode, object: Node | null | undefined, key: string): TSESTree.Property | null {
  const value = objectOf(sourceCode, object);
  for (const property of value?.properties ?? []) {
    if (property.type === AST_NODE_TYPES.Property && keyName(property) === key) return property;
  }
  return null;
}

/** The value of `key` (through variables), or null. */
export function valueOf(sourceCode: TSESLint.SourceCode, object: Node | null | undefined, key: string): Node | null {
  const property = propertyOf(sourceCode, object, key);
  return property ? definitionOf(sourceCode, property.value) : null;
}

/** A construct's props: the third argument of `new X(scope, id, props)`. */
export function constructProps(sourceCode: TSESLint.SourceCode, creation: TSESTree.NewExpression): TSESTree.ObjectExpression | null {
  return objectOf(sourceCode, creation.arguments[2]);
}

/** `true`, written as the literal. */
export function isTrue(node: Node | null | undefined): boolean {
  return !!node && node.type === AST_NODE_TYPES.Literal && node.value === true;
}

/** The static strings of a value written as one string or an array of them (`HttpMethod.GET` counts as `'GET'`). */
export function namesOf(sourceCode: TSESLint.SourceCode, node: Node | null | undefined): string[] | null {
  if (!node) return null;
  const value = unwrap(node);
  const items = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
  const names: string[] = [];
  for (const item of items) {
    if (!item || item.type === AST_NODE_TYPES.SpreadElement) return null;
    const inner = unwrap(item);
    const text =
      inner.type === AST_NODE_TYPES.MemberExpression && inner.property.type === AST_NODE_TYPES.Identifier
        ? inner.property.name
        : staticString(sourceCode, inner);
    if (text === null) return null;
    names.push(text);
  }
  return names;
}
