import { codeMatches } from '../util/text.js';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, keyName, propertyName, resolveVariable, staticString, unwrap, walk } from '../util/ast.js';

type Node = TSESTree.Node;

/** A CORS policy that lets any website make credentialed requests and read the replies. */
export interface PermissiveCors {
  /** `'*'`-like (any origin), or the request's own `Origin` sent back (`origin: true`, `event.headers.origin`). */
  kind: 'anyOrigin' | 'reflectedOrigin';
  /** The origin setting. */
  node: Node;
}

/**
 * Option keys that name the allowed origins in CORS settings: CDK's `allowOrigins` (REST and HTTP APIs, Function
 * URLs), CloudFormation's `AllowOrigins`, the Serverless Framework's `origin`/`origins`/`allowedOrigins`, and the
 * `cors` and `@middy/http-cors` packages' `origin`.
 */
const ORIGIN_KEYS = new Set(['origin', 'origins', 'allowOrigin', 'allowOrigins', 'allowedOrigins', 'AllowOrigins', 'AllowedOrigins']);
const CREDENTIAL_KEYS = new Set(['credentials', 'allowCredentials', 'AllowCredentials']);
/** Where credentials can be allowed: a `credentials`/`allowCredentials` key, or the header's name. */
const CREDENTIALS_ALLOWED = /allow-credentials|credentials['"]?\s*:/i;
const ALLOW_ORIGIN_HEADER = /^access-control-allow-origin$/i;
const ALLOW_CREDENTIALS_HEADER = /^access-control-allow-credentials$/i;
/** Methods that set a response header: Node's `setHeader`, Express's `set`/`header`/`append`, `Headers#set`. */
const HEADER_SETTERS = new Set(['setHeader', 'set', 'header', 'append', 'writeHead']);
/** Calls that compare a value with an allow-list or a pattern before it is echoed. */
const CHECKS = new Set(['includes', 'has', 'test', 'indexOf', 'some', 'find', 'match', 'startsWith', 'endsWith', 'exec']);

const isTrueValue = (sourceCode: TSESLint.SourceCode, node: Node): boolean => {
  const value = unwrap(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === true) || staticString(sourceCode, value) === 'true';
};

/** `'*'`, `['*']`, `Cors.ALL_ORIGINS`. */
function anyOrigin(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'ALL_ORIGINS') return true;
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.some((element) => !!element && anyOrigin(sourceCode, element));
  return staticString(sourceCode, value) === '*';
}

const compact = (sourceCode: TSESLint.SourceCode, node: Node): string => sourceCode.getText(unwrap(node)).replace(/\s+|\?(?=\.)/g, '');

/** A read of the request's `Origin` header: `event.headers.origin`, `req.headers['Origin']`, `req.get('origin')`. */
function isOriginRead(sourceCode: TSESLint.SourceCode, node: Node, depth = 0): boolean {
  const value = unwrap(node);
  if (depth > 4) return false;
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(value)?.toLowerCase();
    const object = unwrap(value.object);
    const headers = object.type === AST_NODE_TYPES.MemberExpression ? propertyName(object) : object.type === AST_NODE_TYPES.Identifier ? object.name : null;
    return name === 'origin' && !!headers && /^(?:multiValue)?headers$/i.test(headers);
  }
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const method = calleeName(value.callee);
    const [first] = value.arguments;
    return (method === 'get' || method === 'header') && !!first && staticString(sourceCode, first)?.toLowerCase() === 'origin';
  }
  if (value.type === AST_NODE_TYPES.LogicalExpression) {
    return isOriginRead(sourceCode, value.left, depth + 1) || isOriginRead(sourceCode, value.right, depth + 1);
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    const def = resolveVariable(sourceCode, value)?.defs[0]?.node;
    return def?.type === AST_NODE_TYPES.VariableDeclarator && !!def.init && isOriginRead(sourceCode, def.init, depth + 1);
  }
  return false;
}

/** Texts the code compares with an allow-list or a pattern (`ALLOWED.includes(origin)`, `origin === SITE`). */
function checkedTexts(sourceCode: TSESLint.SourceCode, scope: Node): Set<string> {
  const texts = new Set<string>();
  walk(scope, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && CHECKS.has(calleeName(node.callee) ?? '')) {
      for (const argument of node.arguments) texts.add(compact(sourceCode, argument));
      if (node.callee.type === AST_NODE_TYPES.MemberExpression) texts.add(compact(sourceCode, node.callee.object));
    } else if (node.type === AST_NODE_TYPES.BinaryExpression && ['===', '!==', '==', '!='].includes(node.operator)) {
      texts.add(compact(sourceCode, node.left));
      texts.add(compact(sourceCode, node.right));
    }
  });
  return texts;
}

/** The origin echoed and not checked first; a conditional (`ok ? origin : SITE`) is a check. */
function uncheckedEcho(sourceCode: TSESLint.SourceCode, node: Node, checked: Set<string>): boolean {
  const value = unwrap(node);
  if (!isOriginRead(sourceCode, value)) return false;
  const names = [compact(sourceCode, value)];
  if (value.type === AST_NODE_TYPES.Identifier) {
    const def = resolveVariable(sourceCode, value)?.defs[0]?.node;
    if (def?.type === AST_NODE_TYPES.VariableDeclarator && def.init) names.push(compact(sourceCode, def.init));
  }
  return !names.some((name) => checked.has(name));
}

const cache = new WeakMap<TSESTree.Program, PermissiveCors[]>();

/** Every CORS setting in the file that combines credentials with any origin, or with the caller's own. */
export function permissiveCors(sourceCode: TSESLint.SourceCode): PermissiveCors[] {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const found: PermissiveCors[] = [];
  cache.set(sourceCode.ast, found);
  // Both shapes need credentials allowed (a key, or the header's name) and an origin: most files name neither.
  const { text } = sourceCode;
  const mayName = (word: string): boolean => text.includes(word) || text.includes(word.toUpperCase());
  if (!mayName('rigin') || !mayName('redentials') || !codeMatches(sourceCode, CREDENTIALS_ALLOWED)) return found;

  // Response headers, per function: an `Access-Control-Allow-Origin` value, and whether credentials are allowed.
  const perScope = new Map<Node, { origins: Node[]; credentials: boolean }>();
  const header = (at: Node, name: string | null, value: Node | undefined): void => {
    if (!name || !value) return;
    const isOrigin = ALLOW_ORIGIN_HEADER.test(name);
    if (!isOrigin && !ALLOW_CREDENTIALS_HEADER.test(name)) return;
    const scope = enclosingFunction(at) ?? sourceCode.ast;
    const entry = perScope.get(scope) ?? { origins: [], credentials: false };
    perScope.set(scope, entry);
    if (isOrigin) entry.origins.push(value);
    else if (isTrueValue(sourceCode, value)) entry.credentials = true;
  };

  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      let origin: Node | undefined;
      let originKey: string | null = null;
      let credentials = false;
      let credentialsNode: Node | undefined;
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = keyName(property);
        if (key && ORIGIN_KEYS.has(key)) [origin, originKey] = [property.value, key];
        else if (key && CREDENTIAL_KEYS.has(key)) [credentials, credentialsNode] = [isTrueValue(sourceCode, property.value), property.value];
        else header(property, key, property.value);
      }
      if (!origin || !credentials) return;
      // The `cors` package's `origin: true` sends each request's own `Origin` back.
      const reflected = originKey === 'origin' && unwrap(origin).type === AST_NODE_TYPES.Literal && (unwrap(origin) as TSESTree.Literal).value === true;
      if (reflected) found.push({ kind: 'reflectedOrigin', node: origin });
      else if (anyOrigin(sourceCode, origin)) found.push({ kind: 'anyOrigin', node: origin });
      else {
        // `cors({ origin: req.headers.origin, credentials: true })`: judged with the response headers below.
        header(node, 'Access-Control-Allow-Origin', origin);
        header(node, 'Access-Control-Allow-Credentials', credentialsNode!);
      }
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      header(node, propertyName(node.left) ?? staticString(sourceCode, node.left.property), node.right);
    } else if (node.type === AST_NODE_TYPES.CallExpression && HEADER_SETTERS.has(calleeName(node.callee) ?? '')) {
      const [name, value] = node.arguments;
      if (name && value) header(node, staticString(sourceCode, name), value);
    }
  });

  for (const [scope, { origins, credentials }] of perScope) {
    if (!credentials) continue;
    const checked = checkedTexts(sourceCode, scope);
    for (const origin of origins) {
      if (anyOrigin(sourceCode, origin)) found.push({ kind: 'anyOrigin', node: unwrap(origin) });
      else if (uncheckedEcho(sourceCode, origin, checked)) found.push({ kind: 'reflectedOrigin', node: unwrap(origin) });
    }
  }
  return found;
}
