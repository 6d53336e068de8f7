import { codeMatches } from '../util/text.js';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, propertyName, staticString, unwrap, valueParent, walk } from '../util/ast.js';
import { cdkSpec, constructProps, definitionOf, isTrue, namesOf, propertyOf, valueOf } from './cdk.js';
import { CONSTRUCT, findReferences, READ } from './imports.js';
import { serverlessConfig } from './serverless-config.js';

type Node = TSESTree.Node;

/** How a route is guarded: an authorizer (method, resource or API default), `NONE` written out, or nothing at all. */
export type RouteAuth = 'authorized' | 'explicitNone' | 'missing';

/** One HTTP route of an API defined in code, with what guards it. */
export interface Route {
  /** The API it belongs to (its `new RestApi`/`new HttpApi`, or a Serverless config's event kind), or null when unknown. */
  api: object | null;
  /** Where a report about the whole API goes. */
  apiNode: Node | null;
  method: string | null;
  /** `/items/{id}`; null when some part is computed. */
  path: string | null;
  auth: RouteAuth;
  /** The `NONE` setting when explicit, else the `addMethod`/`addRoutes` call or the event entry. */
  node: Node;
}

/** Something anyone may invoke outside an API's routes: a public Function URL, or an unconditioned invoke grant. */
export interface PublicInvoke {
  kind: 'functionUrl' | 'permission';
  node: Node;
  /** `FunctionUrlAuthType.NONE`'s `NONE`, which a suggestion may turn into `AWS_IAM`. */
  noneProperty?: TSESTree.Identifier;
}

export interface Exposure {
  routes: Route[];
  publicInvokes: PublicInvoke[];
}

type Found =
  | 'restApi' | 'lambdaRestApi' | 'privateEndpoint' | 'restNone' | 'httpApi' | 'httpRoute' | 'httpNone'
  | 'urlNone' | 'cfnPermission' | 'cfnUrl' | 'anyPrincipal' | 'arnPrincipal';

const SPEC = cdkSpec<Found>({
  'aws-apigateway': {
    RestApi: { [CONSTRUCT]: 'restApi' },
    StepFunctionsRestApi: { [CONSTRUCT]: 'restApi' },
    LambdaRestApi: { [CONSTRUCT]: 'lambdaRestApi' },
    EndpointType: { PRIVATE: { [READ]: 'privateEndpoint' } },
    AuthorizationType: { NONE: { [READ]: 'restNone' } },
  },
  'aws-apigatewayv2': {
    HttpApi: { [CONSTRUCT]: 'httpApi' },
    HttpRoute: { [CONSTRUCT]: 'httpRoute' },
    HttpNoneAuthorizer: { [CONSTRUCT]: 'httpNone' },
  },
  'aws-lambda': {
    FunctionUrlAuthType: { NONE: { [READ]: 'urlNone' } },
    CfnPermission: { [CONSTRUCT]: 'cfnPermission' },
    CfnUrl: { [CONSTRUCT]: 'cfnUrl' },
  },
  'aws-iam': {
    AnyPrincipal: { [CONSTRUCT]: 'anyPrincipal' },
    StarPrincipal: { [CONSTRUCT]: 'anyPrincipal' },
    ArnPrincipal: { [CONSTRUCT]: 'arnPrincipal' },
  },
});

/** A grant narrowed to one caller: the source ARN or account, or an organization. */
const SOURCE_CONDITIONS = ['sourceArn', 'sourceAccount', 'principalOrgId', 'SourceArn', 'SourceAccount', 'PrincipalOrgID'];
/** `lambda:InvokeFunction`, `lambda:InvokeFunctionUrl`, `lambda:*`; CDK's `addPermission` defaults to the first. */
const INVOKE_ACTION = /^lambda:(?:InvokeFunction(?:Url)?|\*)$|^\*$/i;

const cache = new WeakMap<TSESTree.Program, Exposure>();

/** The routes, Function URLs and invoke grants a file defines (CDK, and the Serverless Framework's `serverless.ts`). */
const ROUTE_CALLS = /\b(?:addMethod|addRoutes|addPermission|grantInvoke)\b|\bgrantInvokeUrl\b/;

export function exposureOf(sourceCode: TSESLint.SourceCode): Exposure {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const exposure: Exposure = { routes: [], publicInvokes: [] };
  cache.set(sourceCode.ast, exposure);
  const refs = findReferences(sourceCode, SPEC);
  // Without the CDK's APIs, principals or auth types there is nothing to judge a route or grant by.
  if (refs.length === 0) {
    addServerlessConfig(sourceCode, exposure);
    return exposure;
  }
  const creations = new Map<Node, Found>();
  for (const ref of refs) creations.set(ref.node, ref.info);
  const isA = (node: Node | null | undefined, kind: Found): boolean => !!node && creations.get(definitionOf(sourceCode, node)) === kind;

  /** `{ authorizer }`, `authorizationType: IAM/COGNITO/CUSTOM` or `apiKeyRequired: true` guard; `NONE` is explicit. */
  const methodAuth = (options: Node | null | undefined): { auth: RouteAuth; node?: Node } => {
    const authorizer = valueOf(sourceCode, options, 'authorizer');
    if (authorizer) return isA(authorizer, 'httpNone') ? { auth: 'explicitNone', node: authorizer } : { auth: 'authorized' };
    if (isTrue(valueOf(sourceCode, options, 'apiKeyRequired'))) return { auth: 'authorized' };
    const type = propertyOf(sourceCode, options, 'authorizationType')?.value;
    if (!type) return { auth: 'missing' };
    const value = unwrap(type);
    if (creations.get(value) === 'restNone') return { auth: 'explicitNone', node: value };
    // `AuthorizationType.IAM`, `COGNITO`, `CUSTOM`; a `NONE` of some other class says nothing.
    return value.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'NONE' ? { auth: 'missing' } : { auth: 'authorized' };
  };

  // REST APIs (API Gateway v1) defined in this file; private ones and those with a resource policy are fenced.
  interface RestApi { defaultAuth: RouteAuth; fenced: boolean }
  const restApis = new Map<Node, RestApi>();
  const privateReads = refs.filter((ref) => ref.info === 'privateEndpoint').map((ref) => ref.node);
  const within = (node: Node, outer: Node): boolean => node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
  for (const [node, kind] of creations) {
    if ((kind !== 'restApi' && kind !== 'lambdaRestApi') || node.type !== AST_NODE_TYPES.NewExpression) continue;
    const props = constructProps(sourceCode, node);
    const fenced = !!propertyOf(sourceCode, props, 'policy') || privateReads.some((read) => within(read, props ?? node));
    const defaultAuth = methodAuth(valueOf(sourceCode, props, 'defaultMethodOptions')).auth;
    restApis.set(node, { defaultAuth: defaultAuth === 'explicitNone' ? 'missing' : defaultAuth, fenced });
    const proxy = valueOf(sourceCode, props, 'proxy');
    // `LambdaRestApi` proxies every path and method to its function unless `proxy: false`.
    if (kind === 'lambdaRestApi' && !fenced && !(proxy?.type === AST_NODE_TYPES.Literal && proxy.value === false)) {
      exposure.routes.push({ api: node, apiNode: node, method: 'ANY', path: '/{proxy+}', auth: restApis.get(node)!.defaultAuth, node });
    }
  }

  /** `api.root.addResource('items').addResource('{id}')` → the API, `/items/{id}`, and whether a resource default guards it. */
  const resourceOf = (node: Node, depth = 0): { api: Node | null; path: string | null; guarded: boolean } => {
    const value = definitionOf(sourceCode, node);
    if (depth > 20) return { api: null, path: null, guarded: false };
    if (value.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'root') {
      const api = definitionOf(sourceCode, value.object);
      return { api: restApis.has(api) ? api : null, path: '', guarded: false };
    }
    if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(value.callee);
      if (method !== 'addResource' && method !== 'resourceForPath' && method !== 'addProxy') return { api: null, path: null, guarded: false };
      const parent = resourceOf(value.callee.object, depth + 1);
      const part = method === 'addProxy' ? '{proxy+}' : value.arguments[0] && staticString(sourceCode, value.arguments[0]);
      const options = method === 'addResource' ? value.arguments[1] : method === 'addProxy' ? value.arguments[0] : undefined;
      const guarded = parent.guarded || methodAuth(valueOf(sourceCode, options, 'defaultMethodOptions')).auth === 'authorized';
      const path = parent.path !== null && part ? `${parent.path}/${part.replace(/^\/+|\/+$/g, '')}` : null;
      return { api: parent.api, path, guarded };
    }
    return { api: null, path: null, guarded: false };
  };

  // HTTP APIs (API Gateway v2).
  const httpApis = new Map<Node, { defaultAuth: RouteAuth }>();
  for (const [node, kind] of creations) {
    if (kind !== 'httpApi' || node.type !== AST_NODE_TYPES.NewExpression) continue;
    const props = constructProps(sourceCode, node);
    const authorizer = valueOf(sourceCode, props, 'defaultAuthorizer');
    httpApis.set(node, { defaultAuth: authorizer && !isA(authorizer, 'httpNone') ? 'authorized' : 'missing' });
    if (propertyOf(sourceCode, props, 'defaultIntegration')) {
      exposure.routes.push({ api: node, apiNode: node, method: 'ANY', path: '$default', auth: httpApis.get(node)!.defaultAuth, node });
    }
  }
  const httpRoute = (apiNode: Node | null | undefined, options: Node | null | undefined, node: Node, method: string | null, path: string | null): void => {
    const api = apiNode ? definitionOf(sourceCode, apiNode) : null;
    const known = api && httpApis.has(api) ? api : null;
    const own = methodAuth(options);
    const at = own.node;
    let auth = own.auth;
    if (auth === 'missing' && known) auth = httpApis.get(known)!.defaultAuth;
    if (auth === 'missing' && !known) return;
    exposure.routes.push({ api: known, apiNode: known, method, path, auth, node: at ?? node });
  };

  // Only files that add methods, routes or invoke grants need the walk over every node.
  if (codeMatches(sourceCode, ROUTE_CALLS)) walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const name = propertyName(node.callee);
    if (name === 'addMethod') {
      const [methodArg, , options] = node.arguments;
      const resource = resourceOf(node.callee.object);
      const api = resource.api ? restApis.get(resource.api)! : null;
      if (api?.fenced) return;
      const own = methodAuth(options);
      const at = own.node;
      let auth = own.auth;
      if (auth === 'missing' && (resource.guarded || api?.defaultAuth === 'authorized')) auth = 'authorized';
      if (auth === 'missing' && !api) return;
      const method = methodArg ? staticString(sourceCode, methodArg) : null;
      exposure.routes.push({ api: resource.api, apiNode: resource.api, method, path: resource.path || (resource.path === '' ? '/' : null), auth, node: at ?? node });
    } else if (name === 'addRoutes') {
      const options = node.arguments[0];
      const methods = namesOf(sourceCode, valueOf(sourceCode, options, 'methods')) ?? ['ANY'];
      const path = valueOf(sourceCode, options, 'path');
      httpRoute(node.callee.object, options, node, methods.join(','), path && staticString(sourceCode, path));
    } else if (name === 'addPermission' || name === 'grantInvoke' || name === 'grantInvokeUrl') {
      const principal = name === 'addPermission' ? valueOf(sourceCode, node.arguments[1], 'principal') : node.arguments[0];
      if (!principal || !isAnyone(principal)) return;
      const action = valueOf(sourceCode, node.arguments[1], 'action');
      const actionText = action ? staticString(sourceCode, action) : 'lambda:InvokeFunction';
      if (name === 'addPermission' && (!actionText || !INVOKE_ACTION.test(actionText))) return;
      if (name === 'addPermission' && SOURCE_CONDITIONS.some((key) => propertyOf(sourceCode, node.arguments[1], key))) return;
      exposure.publicInvokes.push({ kind: 'permission', node: principal });
    }
  });

  /** `new AnyPrincipal()`, `new StarPrincipal()`, `new ArnPrincipal('*')` from `aws-iam`. */
  function isAnyone(node: Node): boolean {
    const value = definitionOf(sourceCode, node);
    const kind = creations.get(value);
    if (kind === 'anyPrincipal') return true;
    return kind === 'arnPrincipal' && value.type === AST_NODE_TYPES.NewExpression && !!value.arguments[0] && staticString(sourceCode, value.arguments[0]) === '*';
  }

  for (const [node, kind] of creations) {
    if (kind === 'httpRoute' && node.type === AST_NODE_TYPES.NewExpression) {
      // `routeKey: HttpRouteKey.with('/items', HttpMethod.GET)`
      const props = constructProps(sourceCode, node);
      const key = valueOf(sourceCode, props, 'routeKey');
      const args = key?.type === AST_NODE_TYPES.CallExpression && calleeName(key.callee) === 'with' ? key.arguments : [];
      const path = args[0] ? staticString(sourceCode, args[0]) : null;
      const method = args[1] ? (namesOf(sourceCode, args[1])?.[0] ?? null) : 'ANY';
      httpRoute(valueOf(sourceCode, props, 'httpApi'), props, node, method, path);
    } else if (
      kind === 'urlNone' &&
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.property.type === AST_NODE_TYPES.Identifier &&
      valueParent(node).parent?.type === AST_NODE_TYPES.Property
    ) {
      // `authType: FunctionUrlAuthType.NONE` (a comparison with `NONE` grants nothing).
      exposure.publicInvokes.push({ kind: 'functionUrl', node, noneProperty: node.property });
    } else if (kind === 'cfnUrl' && node.type === AST_NODE_TYPES.NewExpression) {
      const authType = valueOf(sourceCode, constructProps(sourceCode, node), 'authType');
      if (authType && staticString(sourceCode, authType) === 'NONE') exposure.publicInvokes.push({ kind: 'functionUrl', node: authType });
    } else if (kind === 'cfnPermission' && node.type === AST_NODE_TYPES.NewExpression) {
      const props = constructProps(sourceCode, node);
      const principal = valueOf(sourceCode, props, 'principal');
      const action = valueOf(sourceCode, props, 'action');
      if (!principal || staticString(sourceCode, principal) !== '*') continue;
      if (!action || !INVOKE_ACTION.test(staticString(sourceCode, action) ?? '')) continue;
      if (SOURCE_CONDITIONS.some((key) => propertyOf(sourceCode, props, key))) continue;
      exposure.publicInvokes.push({ kind: 'permission', node: principal });
    }
  }

  addServerlessConfig(sourceCode, exposure);
  return exposure;
}

/** The routes and Function URLs of a Serverless Framework config written in code. */
function addServerlessConfig(sourceCode: TSESLint.SourceCode, exposure: Exposure): void {
  const config = serverlessConfig(sourceCode);
  if (!config) return;
  exposure.routes.push(...config.routes);
  exposure.publicInvokes.push(...config.functionUrls.map((node) => ({ kind: 'functionUrl' as const, node })));
}
