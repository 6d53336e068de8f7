import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { keyName, staticString, unwrap } from '../util/ast.js';
import { isTrue, objectOf, propertyOf, valueOf } from './cdk.js';
import type { Route } from './endpoints.js';

type Node = TSESTree.Node;

/** What a Serverless Framework config written in code (`serverless.ts`, `serverless.js`) exposes over HTTP. */
export interface ServerlessConfig {
  object: TSESTree.ObjectExpression;
  /** `http` (REST API) and `httpApi` (HTTP API) events, each API grouped by its kind. */
  routes: Route[];
  /** `url: true` and `url: { … }` without `authorizer: 'aws_iam'`: Function URLs anyone may call. */
  functionUrls: Node[];
}

/** The object a module exports: `export default x`, `module.exports = x`, TypeScript's `export = x`. */
function exportedObject(sourceCode: TSESLint.SourceCode): TSESTree.ObjectExpression | null {
  for (const statement of sourceCode.ast.body) {
    let value: Node | null = null;
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) value = statement.declaration;
    else if (statement.type === AST_NODE_TYPES.TSExportAssignment) value = statement.expression;
    else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      sourceCode.getText(statement.expression.left).replace(/\s/g, '') === 'module.exports'
    ) {
      value = statement.expression.right;
    }
    const object = value && objectOf(sourceCode, value);
    if (object) return object;
  }
  return null;
}

const cache = new WeakMap<TSESTree.Program, ServerlessConfig | null>();

/**
 * The file's Serverless Framework config, recognised by its shape — an exported object with `functions` whose
 * entries list `events`, next to `provider` or `service` — or null.
 */
export function serverlessConfig(sourceCode: TSESLint.SourceCode): ServerlessConfig | null {
  if (cache.has(sourceCode.ast)) return cache.get(sourceCode.ast)!;
  // Most files never name `functions` beside `provider` or `service`.
  const { text } = sourceCode;
  const object = text.includes('functions') && (text.includes('provider') || text.includes('service')) ? exportedObject(sourceCode) : null;
  const functions = object && objectOf(sourceCode, valueOf(sourceCode, object, 'functions'));
  const isConfig = !!functions && (!!propertyOf(sourceCode, object, 'provider') || !!propertyOf(sourceCode, object, 'service'));
  const config: ServerlessConfig | null = isConfig ? { object: object!, routes: [], functionUrls: [] } : null;
  cache.set(sourceCode.ast, config);
  if (!config) return null;

  // The REST API of `http` events and the HTTP API of `httpApi` events are two APIs, judged apart.
  const apis = { http: { kind: 'http' }, httpApi: { kind: 'httpApi' } };
  const firstEvent: Partial<Record<keyof typeof apis, Node>> = {};
  for (const property of functions!.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const fn = objectOf(sourceCode, property.value);
    const url = fn && propertyOf(sourceCode, fn, 'url');
    if (url) {
      const value = unwrap(url.value);
      const iam = valueOf(sourceCode, value, 'authorizer');
      const enabled = value.type === AST_NODE_TYPES.Literal ? value.value === true : value.type === AST_NODE_TYPES.ObjectExpression;
      if (enabled && !(iam && staticString(sourceCode, iam) === 'aws_iam')) config.functionUrls.push(value);
    }
    const events = fn && valueOf(sourceCode, fn, 'events');
    if (events?.type !== AST_NODE_TYPES.ArrayExpression) continue;
    for (const element of events.elements) {
      const entry = element && objectOf(sourceCode, element);
      const event = entry?.properties.find(
        (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && (keyName(p) === 'http' || keyName(p) === 'httpApi'),
      );
      if (!entry || !event) continue;
      const kind = keyName(event) as keyof typeof apis;
      firstEvent[kind] ??= entry;
      const { method, path } = routeOf(sourceCode, event.value);
      const settings = objectOf(sourceCode, event.value);
      // `private: true` asks for an API key; `authorizer` names IAM, Cognito, JWT or a Lambda authorizer.
      const guarded = !!propertyOf(sourceCode, settings, 'authorizer') || isTrue(valueOf(sourceCode, settings, 'private'));
      config.routes.push({ api: apis[kind], apiNode: null, method, path, auth: guarded ? 'authorized' : 'missing', node: entry });
    }
  }
  for (const route of config.routes) {
    const kind = (route.api as { kind: keyof typeof apis }).kind;
    route.apiNode = firstEvent[kind] ?? null;
  }
  return config;
}

/** `'GET /items'`, `{ method: 'get', path: 'items' }`, or httpApi's `'*'`. */
function routeOf(sourceCode: TSESLint.SourceCode, value: Node): { method: string | null; path: string | null } {
  const text = staticString(sourceCode, value);
  if (text !== null) {
    if (text.trim() === '*') return { method: 'ANY', path: '/{proxy+}' };
    const [method, path] = text.trim().split(/\s+/);
    return { method: method ?? null, path: path ? normalisePath(path) : null };
  }
  const method = valueOf(sourceCode, value, 'method');
  const path = valueOf(sourceCode, value, 'path');
  const methodText = method ? staticString(sourceCode, method) : 'ANY';
  const pathText = path ? staticString(sourceCode, path) : null;
  return { method: methodText, path: pathText === null ? null : normalisePath(pathText) };
}

const normalisePath = (path: string): string => `/${path.replace(/^\/+/, '')}`;
