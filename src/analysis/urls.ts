import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isGlobalReference, keyName, propertyName, resolveVariable, rootIdentifier, unwrap, valueParent } from '../util/ast.js';
import { moduleOfLocals } from './imports.js';

type Node = TSESTree.Node;

/** Modules whose call (`axios(url)`) or methods (`got.post(url)`, `http.get(url)`) take a URL first. */
const HTTP_CLIENT_MODULES = new Set([
  'axios', 'got', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici', 'superagent', 'request',
  'request-promise', 'request-promise-native', 'ky', 'needle', 'phin', 'http', 'https', 'node:http', 'node:https',
  'ws', 'make-fetch-happen', 'wretch', 'ofetch',
]);

/** Globals that open a connection to their first argument. */
const GLOBAL_REQUESTS = new Set(['fetch', 'Request', 'WebSocket', 'EventSource']);

/** CDK API Gateway integrations, by the position of their URL: `new HttpIntegration(url)`, `new HttpUrlIntegration(id, url)`. */
const INTEGRATION_URL_ARGUMENT: Record<string, number> = { HttpIntegration: 0, HttpUrlIntegration: 1 };

/** Methods that send the caller elsewhere: `res.redirect(url)`, `Response.redirect(url)`. */
const REDIRECTS = new Set(['redirect']);

/**
 * How a URL string is used: `request` when a request is made to it (or a client is pointed at it), `address`
 * when it is stored under a name that says it is where requests go (`apiUrl`, `endpoint`, `baseURL`), else null.
 */
export type UrlUse = 'request' | 'address' | null;

/** Names of places that hold a service address. Links shown to people (`docsUrl`, `homepage`) are not. */
const ADDRESS_NAME = /(?:url|uri|endpoint|location)$/i;
const LINK_NAME = /^(?:doc|docs|documentation|help|home|homepage|license|licence|repo|repository|repositories|funding|maintainers|contributors|schema|spec|website|more|info|learn|issue|issues|bug|bugs|support|source|author|image|icon|logo|avatar|namespace|xmlns|type|id)(?:_?(?:url|uri|link))?$|^\$|^(?:doc|docs|help|home|license|repo|schema|spec|website|info|learnMore|issue|bug|support|source|author|image|icon|logo|avatar)[A-Z_]/i;

function isAddressName(name: string | null): boolean {
  return !!name && ADDRESS_NAME.test(name) && !LINK_NAME.test(name);
}

function isRequestCall(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && GLOBAL_REQUESTS.has(callee.name) && isGlobalReference(sourceCode, callee)) return true;
  if (call.type === AST_NODE_TYPES.CallExpression && REDIRECTS.has(calleeName(callee) ?? '')) return true;
  const root = rootIdentifier(callee);
  if (!root) return false;
  const module = moduleOfLocals(sourceCode).get(root.name);
  if (!module || !HTTP_CLIENT_MODULES.has(module)) return false;
  // The top-level import itself, not a parameter or local that happens to share its name.
  return resolveVariable(sourceCode, root)?.defs[0]?.parent?.parent === sourceCode.ast;
}

/**
 * Where a string that starts a URL ends up: follows it through `+` and template concatenation, `new URL(…)`, and
 * one `const` it is stored in, to a request call or a name that holds an address.
 */
export function urlUse(sourceCode: TSESLint.SourceCode, start: Node, depth = 0): UrlUse {
  let node: Node = start;
  // `new URL(path, 'http://dummy.host')` is also how paths are parsed; only a request then counts.
  let parsed = false;
  const address = (name: string | null): UrlUse => (!parsed && isAddressName(name) ? 'address' : null);
  for (;;) {
    const { parent, child } = valueParent(node);
    if (!parent) return null;
    switch (parent.type) {
      case AST_NODE_TYPES.BinaryExpression:
        // `'http://api.x.com' + path`: the URL starts here, so the whole sum is the URL.
        if (parent.operator !== '+' || parent.left !== child) return null;
        node = parent;
        continue;
      case AST_NODE_TYPES.TemplateLiteral:
        if (parent.expressions[0] !== child || parent.quasis[0]?.value.cooked !== '') return null;
        node = parent;
        continue;
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(parent.callee);
        // `new URL(path, 'http://host')`: the base sets the scheme of the URL built from it.
        const isUrl = parent.type === AST_NODE_TYPES.NewExpression && callee.type === AST_NODE_TYPES.Identifier && callee.name === 'URL';
        if (isUrl && (parent.arguments[0] === child || parent.arguments[1] === child)) {
          parsed = true;
          node = parent;
          continue;
        }
        // API Gateway integrations in CDK: the gateway forwards every request to this URL.
        if (parent.type === AST_NODE_TYPES.NewExpression && INTEGRATION_URL_ARGUMENT[calleeName(callee) ?? ''] === parent.arguments.indexOf(child as TSESTree.CallExpressionArgument)) {
          return 'request';
        }
        return parent.arguments[0] === child && isRequestCall(sourceCode, parent) ? 'request' : null;
      }
      case AST_NODE_TYPES.Property: {
        if (parent.value !== child || !address(keyName(parent))) return null;
        // `repository: { url: 'http://github.com/…' }`: package metadata, a link for people.
        const holder = parent.parent.parent;
        return holder?.type === AST_NODE_TYPES.Property && LINK_NAME.test(keyName(holder) ?? '') ? null : 'address';
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== child) return null;
        const left = parent.left;
        return address(left.type === AST_NODE_TYPES.Identifier ? left.name : left.type === AST_NODE_TYPES.MemberExpression ? propertyName(left) : null);
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
        // `const api = 'http://…'; fetch(api + '/orders')`: one hop through the variable that holds it.
        if (depth === 0) {
          for (const reference of resolveVariable(sourceCode, parent.id)?.references ?? []) {
            if (reference.isRead() && urlUse(sourceCode, reference.identifier, depth + 1) === 'request') return 'request';
          }
        }
        return address(parent.id.name);
      }
      default:
        return null;
    }
  }
}
