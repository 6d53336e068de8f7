import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { analyse, type Handler } from '../analysis/index.js';
import { LOG_CALL_SELECTOR, isLogCall } from '../analysis/logging.js';
import { isHttpFacing, visitShownParts } from '../analysis/responses.js';
import { isSensitiveName } from '../analysis/secrets.js';
import { keyName, processEnvRead, propertyName, resolveVariable, unwrap } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ sensitiveNames?: string[] }];
type MessageIds = 'wholeInput' | 'wholeHeaders' | 'wholeEnv' | 'sensitiveValue';

/** The request's headers as a whole (`event.headers`, `req.headers`), not one of them. */
const WHOLE_HEADERS = /^[\w$]+\.(?:headers|multiValueHeaders)$/;

export default createRule<Options, MessageIds>({
  name: 'no-sensitive-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow logging whole events or requests, the environment, and values whose names say they are sensitive',
      recommended: 'recommended',
      cwe: ['CWE-532'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          sensitiveNames: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'More words that mark a value as sensitive when they end its name (`pin`, `dob`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      wholeInput:
        'This logs the whole {{what}}, with its `Authorization` header, cookies and body. Log the fields you need instead (request id, route, status).',
      wholeHeaders:
        'This logs every request header, the `Authorization` token and cookies included. Log the headers you need (user agent, request id) instead.',
      wholeEnv: 'This logs `process.env`: every setting and secret the function was given. Log the one setting you need, if any.',
      sensitiveValue:
        '`{{name}}` looks sensitive, and logs are kept longer and read more widely than the data\'s owner expects. Leave it out, or log a masked form.',
    },
  },
  defaultOptions: [{ sensitiveNames: [] }],
  create(context, [{ sensitiveNames }]) {
    const { sourceCode } = context;
    const extra = (sensitiveNames ?? []).map((name) => name.toLowerCase());
    const sensitive = (name: string | null): name is string => !!name && isSensitiveName(name, extra);

    /** `const logSecret = { ...secret, password: '****' }`: a copy with the secret fields masked. */
    const isMaskedCopy = (identifier: TSESTree.Identifier): boolean => {
      const def = resolveVariable(sourceCode, identifier)?.defs[0];
      const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : null;
      if (init?.type !== AST_NODE_TYPES.ObjectExpression) return false;
      return init.properties.some((p) => p.type === AST_NODE_TYPES.Property && sensitive(keyName(p)) && unwrap(p.value).type === AST_NODE_TYPES.Literal);
    };

    return {
      [LOG_CALL_SELECTOR](node: TSESTree.CallExpression) {
        if (!isLogCall(node)) return;
        const analysis = analyse(context);
        const { flow } = analysis;
        const httpFacing = (handler: Handler): boolean => isHttpFacing(sourceCode, handler, analysis.responses);
        const reported = new Set<TSESTree.Node>();
        const report = (part: TSESTree.Node, messageId: MessageIds, data?: Record<string, string>): void => {
          if (reported.has(part)) return;
          reported.add(part);
          context.report({ node: part, messageId, data });
        };
        for (const argument of node.arguments) {
          visitShownParts(sourceCode, argument, (part) => {
            const label = flow.labelOf(part);
            // The handler's input as a whole (not a batch's `Records`): `console.log(event)`, `{ event }`.
            // Only raw HTTP input carries credentials: a validated (schema-stripped) or queue event is quiet.
            if (label?.whole && !label.validated && !label.path.includes('.') && !label.path.includes('[') && httpFacing(label.handler)) {
              report(part, 'wholeInput', { what: label.handler.inputKind === 'event' ? 'event' : 'request' });
              return true;
            }
            // `console.log(event.headers)`: the bearer token and session cookie go to the logs with the rest.
            const headers = part.type === AST_NODE_TYPES.Identifier || (part.type === AST_NODE_TYPES.MemberExpression && /^(?:headers|multiValueHeaders)$/.test(propertyName(part) ?? ''));
            if (headers && label && WHOLE_HEADERS.test(label.path) && label.trust === 'caller' && !label.validated && !label.derived && httpFacing(label.handler)) {
              report(part, 'wholeHeaders');
              return true;
            }
            if (processEnvRead(part)?.whole) {
              report(part, 'wholeEnv');
              return true;
            }
            if (part.type === AST_NODE_TYPES.Identifier && sensitive(part.name)) {
              if (!isMaskedCopy(part)) report(part, 'sensitiveValue', { name: part.name });
              return true;
            }
            if (part.type === AST_NODE_TYPES.MemberExpression) {
              const name = propertyName(part);
              if (sensitive(name)) report(part, 'sensitiveValue', { name });
              return true;
            }
            if (part.type === AST_NODE_TYPES.ObjectExpression) {
              // `{ password: user.password }`, `{ token }`: the key names what is logged.
              for (const property of part.properties) {
                if (property.type !== AST_NODE_TYPES.Property) continue;
                const name = keyName(property);
                const value = unwrap(property.value);
                if (sensitive(name) && value.type !== AST_NODE_TYPES.Literal) report(property.value, 'sensitiveValue', { name });
              }
            }
            return false;
          });
        }
      },
    };
  },
});
