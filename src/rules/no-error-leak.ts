import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { analyse } from '../analysis/index.js';
import { cannotThrow, isHttpFacing, visitShownParts } from '../analysis/responses.js';
import { findCredential, isSecretName } from '../analysis/secrets.js';
import { calleeName, processEnvRead, propertyName, resolveVariable, rootIdentifier, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ safeErrorClasses?: string[] }];
type MessageIds = 'errorLeak' | 'envLeak' | 'secretEnvLeak' | 'credentialLeak' | 'secretInError' | 'suggestGeneric';

const GENERIC_MESSAGE = "'Internal server error'";
/** Error fields that say what happened in a word, not how: a status code alone is fine to return. */
const SAFE_ERROR_FIELDS = new Set(['statusCode', 'status', 'code', 'name', 'httpStatusCode', 'expose']);
const ERROR_NAME = /^(e|err|error|ex|exc|exception|cause)$/;

type Node = TSESTree.Node;

/** A caught error: a `catch (err)` binding, a `.catch(err => …)` parameter, or an error-first callback's `err`. */
function isCaughtError(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): boolean {
  const def = resolveVariable(sourceCode, identifier)?.defs[0];
  if (!def) return false;
  // A `catch` after a block that cannot throw never runs.
  if (def.type === 'CatchClause') return !(def.node.parent?.type === AST_NODE_TYPES.TryStatement && cannotThrow(sourceCode, def.node.parent.block));
  if (def.type !== 'Parameter') return false;
  const fn = def.node as TSESTree.FunctionLike;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  if (calleeName(call.callee) === 'catch') return true;
  return fn.params[0] === def.name && ERROR_NAME.test(identifier.name);
}

/** Error classes whose names say their message is written for the caller: `ItemNotFoundError`, `ValidationError`. */
const CALLER_FACING_ERROR = /(NotFound|Validation|BadRequest|Unauthori[sz]ed|Forbidden|Conflict|Http|HTTP|Client|Input|UserFacing|Public)\w*Error$/;

/** Inside `if (err instanceof SafeError) { … }`, the error is one the user (or the class's name) vouches for. */
function isInsideSafeBranch(node: Node, safeClasses: ReadonlySet<string>): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child) {
      const test = unwrap(parent.test);
      if (test.type === AST_NODE_TYPES.BinaryExpression && test.operator === 'instanceof') {
        const right = unwrap(test.right);
        const name = right.type === AST_NODE_TYPES.Identifier ? right.name : right.type === AST_NODE_TYPES.MemberExpression ? propertyName(right) : null;
        if (name && (safeClasses.has(name) || CALLER_FACING_ERROR.test(name))) return true;
      }
    }
  }
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'no-error-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow responses that reveal caught errors, stack traces, environment variables or credentials',
      recommended: 'recommended',
      cwe: ['CWE-209', 'CWE-200'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          safeErrorClasses: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Error classes whose message is written for callers; inside `if (err instanceof X)` their details may be returned.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      errorLeak:
        'The response carries {{what}}, which tells an attacker your resources, libraries and permissions. Log the error; answer with a generic message.',
      envLeak: 'The response carries `process.env`: every setting and secret the function was given. Return only the fields the caller needs.',
      secretEnvLeak: 'The response carries `process.env.{{name}}`, whose name says it is a secret. Leave it out of responses.',
      credentialLeak: 'The response carries a {{kind}}. Leave credentials out of responses, and rotate this one: it is also in the source.',
      secretInError:
        'This error message includes `process.env.{{name}}`, whose name says it is a secret; error messages end up in logs, traces and responses. Leave the value out.',
      suggestGeneric: 'Answer with a generic message, and log the detail instead.',
    },
  },
  defaultOptions: [{ safeErrorClasses: [] }],
  create(context, [{ safeErrorClasses }]) {
    const { sourceCode } = context;
    const safe = new Set(safeErrorClasses ?? []);
    const reported = new Set<Node>();
    // Secret environment values in error messages need `process.env` in the file: skip every call otherwise.
    const mentionsEnv = sourceCode.text.includes('process.env');
    const generic = (node: Node): TSESLint.ReportSuggestionArray<MessageIds> => [
      { messageId: 'suggestGeneric', fix: (fixer) => fixer.replaceText(node, GENERIC_MESSAGE) },
    ];
    const report = (descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: Node }): void => {
      if (reported.has(descriptor.node)) return;
      reported.add(descriptor.node);
      context.report(descriptor);
    };

    /** Judges one part of a response; true when the part is settled (reported or known safe). */
    const judge = (part: Node): boolean => {
      if (part.type === AST_NODE_TYPES.Identifier && isCaughtError(sourceCode, part)) {
        if (!isInsideSafeBranch(part, safe)) {
          report({ node: part, messageId: 'errorLeak', data: { what: `a caught error (\`${part.name}\`)` }, suggest: generic(part) });
        }
        return true;
      }
      if (part.type === AST_NODE_TYPES.MemberExpression) {
        const env = processEnvRead(part);
        if (env?.whole) {
          report({ node: part, messageId: 'envLeak', suggest: generic(part) });
          return true;
        }
        if (env && !env.whole) {
          if (isSecretName(env.name)) report({ node: part, messageId: 'secretEnvLeak', data: { name: env.name }, suggest: generic(part) });
          return true;
        }
        const root = rootIdentifier(part);
        if (root && isCaughtError(sourceCode, root)) {
          const field = propertyName(part);
          if (!(field && SAFE_ERROR_FIELDS.has(field)) && !isInsideSafeBranch(part, safe)) {
            report({ node: part, messageId: 'errorLeak', data: { what: `the error's \`${field ?? 'detail'}\`` }, suggest: generic(part) });
          }
          return true;
        }
      }
      if (part.type === AST_NODE_TYPES.Literal && typeof part.value === 'string') {
        const credential = findCredential(part.value);
        if (credential) report({ node: part, messageId: 'credentialLeak', data: { kind: credential.format.name } });
        return true;
      }
      return false;
    };

    const exit = {
      'Program:exit'() {
        const analysis = analyse(context);
        if (analysis.handlers.length > 0) {
          const responses = analysis.responses;
          const httpFacing = new Map(analysis.handlers.map((h) => [h, isHttpFacing(sourceCode, h, responses)]));
          for (const response of responses) {
            // Workers, stream and trigger handlers answer a service, not a person. `callback(err)` makes API Gateway
            // answer a bare 502 (the error is not sent), and a service retries on it.
            if (!httpFacing.get(response.handler) || response.via === 'callback-error') continue;
            visitShownParts(sourceCode, response.value, judge);
          }
        }
      },
    };
    // Only files that read the environment can put a secret from it in an error.
    if (!mentionsEnv) return exit;
    return {
      ...exit,
      'NewExpression, CallExpression'(node: TSESTree.NewExpression | TSESTree.CallExpression) {
        const name = calleeName(node.callee);
        if (!name || !/^(\w*Error|createError)$/.test(name)) return;
        for (const argument of node.arguments) {
          visitShownParts(sourceCode, argument, (part) => {
            const env = processEnvRead(part);
            if (env && !env.whole && isSecretName(env.name)) {
              report({ node: part, messageId: 'secretInError', data: { name: env.name } });
              return true;
            }
            return false;
          });
        }
      },
    };
  },
});
