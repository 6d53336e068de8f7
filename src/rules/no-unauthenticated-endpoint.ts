import { exposureOf, type Route } from '../analysis/endpoints.js';
import { PUBLIC_METHODS, PUBLIC_ROUTE_SEGMENTS } from '../models/public-routes.js';
import { createRule } from '../util/create-rule.js';

type Options = [{ publicRoutes?: string[]; reportOpenApis?: boolean }];
type MessageIds = 'explicitNone' | 'missingAuthorizer' | 'openApi' | 'publicFunctionUrl' | 'publicInvoke' | 'suggestIam';

/** `'GET /items'`, `'/public/*'`: an optional method, then a path where `*` matches any characters, `/` included. */
function routeMatcher(patterns: readonly string[]): (route: Route) => boolean {
  const compiled = patterns.map((pattern) => {
    const [first, second] = pattern.trim().split(/\s+/);
    const method = second === undefined ? null : first!.toUpperCase();
    const path = (second ?? first ?? '').replace(/\/+$/, '') || '/';
    const regex = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}/?$`, 'i');
    return { method, regex };
  });
  return (route) =>
    route.path !== null &&
    compiled.some(({ method, regex }) => (method === null || method === 'ANY' || method === route.method?.toUpperCase()) && regex.test(route.path!));
}

/** A health check, the sign-in flow, a webhook or a preflight: public by design. */
function publicByDesign(route: Route): boolean {
  if (route.method && route.method.split(',').every((method) => PUBLIC_METHODS.has(method.toUpperCase()))) return true;
  return !!route.path && route.path.split('/').some((segment) => PUBLIC_ROUTE_SEGMENTS.has(segment.toLowerCase()));
}

const describeRoute = (route: Route): string =>
  route.path === null ? 'this route' : `\`${route.method && route.method !== 'ANY' ? `${route.method.toUpperCase()} ` : ''}${route.path}\``;

export default createRule<Options, MessageIds>({
  name: 'no-unauthenticated-endpoint',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow API routes, Function URLs and invoke permissions that let anyone on the internet call a function',
      recommended: 'recommended',
      cwe: ['CWE-306'],
      strictOptions: { reportOpenApis: true },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          publicRoutes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: "Routes that are public on purpose: `'GET /items'`, `'/public/*'` (`*` matches any characters).",
          },
          reportOpenApis: {
            type: 'boolean',
            description: 'Also report an API none of whose routes has an authorizer (once per API).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      explicitNone: 'Authorization `NONE` lets anyone on the internet call {{route}}. Add an authorizer (IAM, Cognito, JWT), or list it in `publicRoutes`.',
      missingAuthorizer: '{{route}} has no authorizer, though other routes of this API do. Add one, or list the route in `publicRoutes` if it is public on purpose.',
      openApi: 'No route of this API has an authorizer: anyone can call {{route}}. Set a default authorizer, or list public routes in `publicRoutes`.',
      publicFunctionUrl: 'This Function URL has auth type `NONE`: anyone on the internet can invoke the function. Use `AWS_IAM` (CloudFront OAC for browsers).',
      publicInvoke: 'Any principal may invoke this function, and no `sourceArn` or `sourceAccount` limits it. Name the calling service and add a source condition.',
      suggestIam: 'Require IAM-signed requests (`AWS_IAM`).',
    },
  },
  defaultOptions: [{ publicRoutes: [], reportOpenApis: false }],
  create(context, [options]) {
    const { sourceCode } = context;
    const listed = routeMatcher(options.publicRoutes ?? []);
    const quiet = (route: Route): boolean => publicByDesign(route) || listed(route);

    return {
      'Program:exit'() {
        const { routes, publicInvokes } = exposureOf(sourceCode);
        const byApi = new Map<object, Route[]>();
        for (const route of routes) {
          if (route.api) byApi.set(route.api, [...(byApi.get(route.api) ?? []), route]);
          if (route.auth === 'explicitNone' && !quiet(route)) {
            context.report({ node: route.node, messageId: 'explicitNone', data: { route: describeRoute(route) } });
          }
        }
        for (const apiRoutes of byApi.values()) {
          const open = apiRoutes.filter((route) => route.auth === 'missing' && !quiet(route));
          if (open.length === 0) continue;
          // An API with some guarded routes: an unguarded one is likely a slip. An API with none is often a
          // public demo or a public read API on purpose, so it is reported once, and only when asked for.
          if (apiRoutes.some((route) => route.auth === 'authorized')) {
            for (const route of open) context.report({ node: route.node, messageId: 'missingAuthorizer', data: { route: describeRoute(route) } });
          } else if (options.reportOpenApis && !apiRoutes.some((route) => route.auth === 'explicitNone')) {
            context.report({ node: open[0]!.apiNode ?? open[0]!.node, messageId: 'openApi', data: { route: describeRoute(open[0]!) } });
          }
        }
        for (const invoke of publicInvokes) {
          const none = invoke.noneProperty;
          context.report({
            node: invoke.node,
            messageId: invoke.kind === 'functionUrl' ? 'publicFunctionUrl' : 'publicInvoke',
            suggest: none ? [{ messageId: 'suggestIam', fix: (fixer) => fixer.replaceText(none, 'AWS_IAM') }] : [],
          });
        }
      },
    };
  },
});
