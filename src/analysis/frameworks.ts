import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunctionNode, keyName, propertyName, rootIdentifier, sameFileFunction, unwrap, valueUses, type FunctionNode } from '../util/ast.js';
import { importsExpressValidator, isExpressValidatorModule, routeExpressValidation } from './express-validator.js';
import { CALL, CONSTRUCT, findReferences, type ReferenceSpec } from './imports.js';
import type { Handler } from './handlers.js';

/**
 * Route handlers of web frameworks that run serverless (Express or Koa behind `serverless-http`, Fastify with
 * `@fastify/aws-lambda`, Hono on Lambda or the edge), found through the framework's import — an `app.get(…)` on
 * anything else stays unseen — and Next.js App Router handlers (`export async function POST(request)` in
 * `route.ts`).
 */
type Framework = 'express' | 'koa' | 'koa-router' | 'fastify' | 'hono';

const APPS: ReferenceSpec<Framework> = {
  modules: {
    express: { [CALL]: 'express', Router: { [CALL]: 'express' } },
    koa: { [CONSTRUCT]: 'koa', default: { [CONSTRUCT]: 'koa' } },
    '@koa/router': { [CONSTRUCT]: 'koa-router', default: { [CONSTRUCT]: 'koa-router' } },
    'koa-router': { [CONSTRUCT]: 'koa-router' },
    fastify: { [CALL]: 'fastify', default: { [CALL]: 'fastify' }, fastify: { [CALL]: 'fastify' } },
    hono: { Hono: { [CONSTRUCT]: 'hono' } },
  },
};

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'route', 'on', 'onError', 'setErrorHandler']);
const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Route-level middleware that validates the request before the handler runs. */
const VALIDATING_MIDDLEWARE = /^(zValidator|vValidator|tbValidator|validator|celebrate|validate|validateRequest)$/;

export function frameworkHandlers(sourceCode: TSESLint.SourceCode, locals: Map<string, string>, filename: string): Handler[] {
  const handlers: Handler[] = [];
  const expressValidator = importsExpressValidator(sourceCode);
  for (const ref of findReferences(sourceCode, APPS)) {
    for (const call of routeCalls(sourceCode, ref.node)) {
      const positions = new Map<FunctionNode, number>();
      call.arguments.forEach((argument, index) => {
        const fn = routeFunction(sourceCode, argument);
        if (fn && !positions.has(fn)) positions.set(fn, index);
      });
      const fns = [...positions.keys()];
      const options = call.arguments.find((a) => unwrap(a).type === AST_NODE_TYPES.ObjectExpression);
      const validatedBy = routeValidation(call, options, locals, ref.info);
      // `fastify.route({ handler })`
      if (options && propertyName(call.callee as TSESTree.MemberExpression) === 'route') {
        for (const property of (unwrap(options) as TSESTree.ObjectExpression).properties) {
          if (property.type === AST_NODE_TYPES.Property && keyName(property) === 'handler') {
            const fn = routeFunction(sourceCode, property.value);
            if (fn) fns.push(fn);
          }
        }
      }
      for (const fn of fns) {
        const handler = routeHandler(fn, ref.info, validatedBy);
        const index = positions.get(fn);
        if (expressValidator && ref.info === 'express' && index !== undefined) {
          const expressValidation = routeExpressValidation(sourceCode, call.arguments, index);
          if (expressValidation) handler.expressValidation = expressValidation;
        }
        handlers.push(handler);
      }
    }
  }
  if (/(^|[/\\])route\.[cm]?[jt]sx?$/.test(filename)) {
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && NEXT_METHODS.has(declaration.id.name)) {
        handlers.push(request(declaration, declaration.params[0]));
      } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          const init = declarator.init && unwrap(declarator.init);
          if (declarator.id.type === AST_NODE_TYPES.Identifier && NEXT_METHODS.has(declarator.id.name) && init && isFunctionNode(init)) {
            handlers.push(request(init, init.params[0]));
          }
        }
      }
    }
  }
  return handlers;
}

/** The `app.get(…)`-style calls made on an app or router created at `creation`. */
function routeCalls(sourceCode: TSESLint.SourceCode, creation: TSESTree.Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const onObject = (object: TSESTree.Node): void => {
    // `app.get(…).post(…)` chains and `router.route('/x').get(…)` return the router again.
    let current: TSESTree.Node = object;
    for (;;) {
      const member = current.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return;
      const call = member.parent;
      const method = propertyName(member);
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !method || !ROUTE_METHODS.has(method)) return;
      calls.push(call);
      current = call;
    }
  };
  for (const use of valueUses(sourceCode, creation)) onObject(use);
  return calls;
}

/** A handler argument: a function, or the name of a same-file one. */
function routeFunction(sourceCode: TSESLint.SourceCode, argument: TSESTree.Node): FunctionNode | null {
  const value = unwrap(argument);
  return isFunctionNode(value) ? value : sameFileFunction(sourceCode, value);
}

/**
 * Validation declared on the route: a Fastify `schema` option with a body, querystring or params schema, or a
 * validating middleware among the handlers (`zValidator(…)`, `celebrate(…)`). express-validator chains are not: they
 * only record errors, and count where the result is checked (express-validator.ts).
 */
function routeValidation(
  call: TSESTree.CallExpression,
  options: TSESTree.CallExpressionArgument | undefined,
  locals: Map<string, string>,
  framework: Framework,
): string | null {
  if (framework === 'fastify' && options) {
    const object = unwrap(options) as TSESTree.ObjectExpression;
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.Property && keyName(property) === 'schema') return 'fastify schema';
    }
  }
  for (const argument of call.arguments) {
    const value = unwrap(argument);
    if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.ArrayExpression) continue;
    const calls = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
    for (const element of calls) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
      const root = rootIdentifier(element);
      const module = root && locals.get(root.name);
      const name = root?.name ?? calleeName(element) ?? '';
      // express-validator chains reject nothing themselves: see express-validator.ts.
      if (module && !isExpressValidatorModule(module) && /validator|celebrate|zod|valibot|typebox|joi/.test(module) && VALIDATING_MIDDLEWARE.test(name)) return module;
    }
  }
  return null;
}

/** The error parameter of error middleware: Express `(err, req, res, next)`, Hono `onError((err, c) => …)`, Fastify `setErrorHandler`. */
const ERROR_PARAM = /^_?(e|err|error|ex|exception)$/;

function routeHandler(fn: FunctionNode, framework: Framework, validatedBy: string | null): Handler {
  const errorFirst = fn.params.length >= 2 && fn.params[0]?.type === AST_NODE_TYPES.Identifier && ERROR_PARAM.test(fn.params[0].name);
  const [first, second] = errorFirst ? fn.params.slice(1) : fn.params;
  // Koa and Hono hand over one context holding request and response; the others `(req, res)`.
  const context = framework === 'koa' || framework === 'koa-router' || framework === 'hono';
  return { ...request(fn, first), inputKind: context ? 'context' : 'request', response: context ? null : (second ?? null), validatedBy };
}

function request(fn: FunctionNode, input: TSESTree.Parameter | undefined): Handler {
  return { fn, platform: 'web', inputKind: 'request', input: input ?? null, response: null, context: null, callback: null, validatedBy: null };
}
