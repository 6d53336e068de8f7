import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CONSTRUCT, findReferences, type ReferenceSpec } from '../analysis/imports.js';
import { analyse } from '../analysis/index.js';
import { enclosingFunction, keyName, propertyName, propertyValue, resolveVariable, staticString, unwrap, valueUses } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ allowAsync?: boolean }];
type Found = 'command' | 'client';

const LAMBDA_SDK: ReferenceSpec<Found> = {
  modules: {
    '@aws-sdk/client-lambda': {
      InvokeCommand: { [CONSTRUCT]: 'command' },
      InvokeWithResponseStreamCommand: { [CONSTRUCT]: 'command' },
      InvokeAsyncCommand: { [CONSTRUCT]: 'command' },
      Lambda: { [CONSTRUCT]: 'client' },
    },
    'aws-sdk': { Lambda: { [CONSTRUCT]: 'client' } },
    'aws-sdk/clients/lambda': { [CONSTRUCT]: 'client' },
  },
};

/** Tests, benchmarks and command-line scripts: `*.test.*`, `__tests__/`, `test/`, `scripts/`, `bin/`. */
const TEST_OR_SCRIPT_FILE = /(^|[/\\])(__tests__|tests?|scripts|bin|e2e|integ(ration)?)[/\\]|\.(test|spec|e2e|integ)\.[cm]?[jt]sx?$/;

const INVOKE_METHODS = new Set(['invoke', 'invokeAsync', 'invokeWithResponseStream']);

/** `InvocationType: 'Event'` in the request: fire-and-forget, the caller does not wait. */
function isAsyncInvocation(params: TSESTree.Node | undefined, isEvent: (n: TSESTree.Node) => boolean): boolean {
  const object = params && unwrap(params);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return object.properties.some(
    (p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'InvocationType' && isEvent(p.value),
  );
}

export default createRule<Options, 'directInvoke' | 'functionFromInput'>({
  name: 'no-direct-lambda-invoke',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow invoking one Lambda function directly from another',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowAsync: {
            type: 'boolean',
            description: "Allow asynchronous invokes (`InvocationType: 'Event'`), where the caller does not wait.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      functionFromInput:
        'The function invoked is named by `{{path}}`, which the caller sends: they can run any function this role may invoke. Map allowed names to fixed ones.',
      directInvoke:
        'Direct Lambda-to-Lambda invoke: the caller waits and pays for the callee, and skips a queue\'s checks. Chain through SQS, SNS, EventBridge or Step Functions.',
    },
  },
  defaultOptions: [{ allowAsync: false }],
  create(context, [{ allowAsync }]) {
    const { sourceCode } = context;
    const isEvent = (node: TSESTree.Node): boolean => staticString(sourceCode, node) === 'Event';
    // Test helpers and scripts invoke functions to exercise them; only code a deployed function runs matters.
    const outsideFunctions = TEST_OR_SCRIPT_FILE.test(context.filename);
    const report = (node: TSESTree.Node, params: TSESTree.Node | undefined): void => {
      if (outsideFunctions) return;
      // The caller choosing which function runs is worse than the coupling, and is reported whatever the invocation type.
      const name = propertyValue(requestObject(params), 'FunctionName');
      const label = name && analyse(context).flow.labelsAt(name).find((l) => l.trust === 'caller' && !l.validated && !l.derived && !l.whole);
      if (name && label) {
        context.report({ node: name, messageId: 'functionFromInput', data: { path: label.path } });
        return;
      }
      if (allowAsync && isAsyncInvocation(params, isEvent)) return;
      if (!enclosingFunction(node) && analyse(context).handlers.length === 0) return;
      context.report({ node, messageId: 'directInvoke' });
    };

    /** The request object literal: the argument, or the `const` it names. */
    const requestObject = (params: TSESTree.Node | undefined): TSESTree.Node | null => {
      const value = params && unwrap(params);
      if (value?.type !== AST_NODE_TYPES.Identifier) return value ?? null;
      const def = resolveVariable(sourceCode, value)?.defs[0];
      return def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : null;
    };

    /** `client.invoke(…)` calls on a Lambda client: chained directly or through the variable holding it. */
    const invokesOn = (client: TSESTree.NewExpression): TSESTree.CallExpression[] => {
      const calls: TSESTree.CallExpression[] = [];
      const check = (object: TSESTree.Node): void => {
        const member = object.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object) return;
        const method = propertyName(member);
        const call = member.parent;
        if (method && INVOKE_METHODS.has(method) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
          calls.push(call);
        }
      };
      for (const use of valueUses(sourceCode, client)) check(use);
      return calls;
    };

    return {
      'Program:exit'() {
        for (const ref of findReferences(sourceCode, LAMBDA_SDK)) {
          if (ref.node.type !== AST_NODE_TYPES.NewExpression) continue;
          if (ref.info === 'command') report(ref.node, ref.node.arguments[0]);
          else for (const call of invokesOn(ref.node)) report(call, call.arguments[0]);
        }
      },
    };
  },
});
