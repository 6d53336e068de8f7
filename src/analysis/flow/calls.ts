import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { keyName, propertyName, resolveVariable, sameFileFunction, walk, type FunctionNode } from '../../util/ast.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/* Same-file calls: which function a callee names, and where a function's result goes back to. */

/** The same-file function a callee names: a declaration, a `const f = () => …`, or `this.method` in a class. */
export function localFunction(sourceCode: TSESLint.SourceCode, callee: Node): FunctionNode | null {
  if (callee.type === AST_NODE_TYPES.Identifier) return sameFileFunction(sourceCode, callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = propertyName(callee);
    for (let current: Node | undefined = callee.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassBody) {
        for (const member of current.body) {
          if (member.type === AST_NODE_TYPES.MethodDefinition && keyName(member) === name && member.value.type === AST_NODE_TYPES.FunctionExpression) {
            return member.value;
          }
        }
        return null;
      }
    }
  }
  return null;
}

/** The calls whose result is what `fn` returns: its call sites, or the call a callback was passed to. */
export function callSitesOf(sourceCode: TSESLint.SourceCode, fn: FunctionNode): Node[] {
  let variable: Variable | null = null;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) variable = declaredVariable(sourceCode, fn.id, fn);
  else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    variable = declaredVariable(sourceCode, fn.parent.id, fn.parent);
  } else if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
    return methodCallSites(sourceCode, fn.parent);
  } else if (fn.parent?.type === AST_NODE_TYPES.CallExpression) {
    // A callback (`records.map(r => …)`) returns into the call that received it.
    return [fn.parent];
  }
  if (!variable) return [];
  const calls: Node[] = [];
  for (const reference of variable.references) {
    const id = reference.identifier;
    if (id.parent?.type === AST_NODE_TYPES.CallExpression && id.parent.callee === id) calls.push(id.parent);
  }
  return calls;
}

function methodCallSites(sourceCode: TSESLint.SourceCode, method: TSESTree.MethodDefinition): Node[] {
  const name = keyName(method);
  const calls: Node[] = [];
  walk(method.parent, sourceCode.visitorKeys, (node) => {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      node.callee.object.type === AST_NODE_TYPES.ThisExpression &&
      propertyName(node.callee) === name
    ) {
      calls.push(node);
    }
  });
  return calls;
}

/** The variable a binding identifier declares in `scopeNode` (or, failing that, the one it resolves to). */
export function declaredVariable(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier, scopeNode: Node): Variable | null {
  for (const variable of sourceCode.scopeManager!.getDeclaredVariables(scopeNode)) {
    if (variable.identifiers.includes(identifier)) return variable;
  }
  return resolveVariable(sourceCode, identifier);
}
