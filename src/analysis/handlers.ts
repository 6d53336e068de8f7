import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, keyName, propertyName, resolveVariable, unwrap, walk, type FunctionNode } from '../util/ast.js';
import { CALL, findReferences, moduleOfLocals, type ReferenceSpec } from './imports.js';
import type { ExpressValidation } from './express-validator.js';
import { frameworkHandlers } from './frameworks.js';
import type { CoreSettings } from './settings.js';

/**
 * What shape the handler's input has, which decides which of its properties the caller controls:
 * - `event`: an AWS Lambda event; everything but what the platform sets (`requestContext`, record metadata).
 * - `request`: an HTTP request object (`req`, Fetch `Request`, Azure `HttpRequest`); body, query, params, headers…
 * - `message`: a queue or event payload handed over whole (Azure queue trigger, Cloud Events).
 * - `context`: a framework context holding the request (Koa `ctx.request`, Hono `c.req`) and the response.
 */
export type InputKind = 'event' | 'request' | 'message' | 'context';
export type Platform = 'aws' | 'azure' | 'gcp' | 'web';

export interface Handler {
  fn: FunctionNode;
  platform: Platform;
  inputKind: InputKind;
  /** The parameter that carries the caller's input (`event`, `req`, `request`), if the function declares it. */
  input: TSESTree.Parameter | null;
  /** `res` in `(req, res)` handlers. */
  response: TSESTree.Parameter | null;
  /** The Lambda `callback` parameter, or the Azure/Lambda `context`. */
  callback: TSESTree.Parameter | null;
  context: TSESTree.Parameter | null;
  /** Set when middleware validates the whole input before the function runs (`@middy/validator`, Powertools parser). */
  validatedBy: string | null;
  /** Route parameters the platform checks before the function runs (Azure `route: 'users/{id:int}'`). */
  constrainedParams?: ReadonlySet<string>;
  /** express-validator chains an Express route runs before the function, and whether a middleware there rejects when they fail. */
  expressValidation?: ExpressValidation;
}

const LAMBDA_EVENT_PARAM = /^(event|evt|lambdaEvent|awsEvent|apiEvent|sqsEvent|snsEvent|s3Event)$/;
const REQUEST_PARAM = /^(req|request)$/;
const RESPONSE_PARAM = /^(res|response|reply)$/;
const CONTEXT_PARAM = /^(context|ctx|invocationContext)$/;

/** Modules whose middleware validates a whole event before the handler sees it. */
const VALIDATING_MIDDLEWARE = new Map([
  ['@middy/validator', 'validator'],
  ['@aws-lambda-powertools/validation/middleware', 'validation'],
  ['@aws-lambda-powertools/validation', 'validation'],
  ['@aws-lambda-powertools/parser/middleware', 'parser'],
  ['@aws-lambda-powertools/parser', 'parser'],
]);

const PLATFORM_REGISTRATIONS: ReferenceSpec<{ platform: Platform; kind: InputKind }> = {
  modules: {
    '@azure/functions': {
      app: {
        http: { [CALL]: { platform: 'azure', kind: 'request' } },
        get: { [CALL]: { platform: 'azure', kind: 'request' } },
        post: { [CALL]: { platform: 'azure', kind: 'request' } },
        put: { [CALL]: { platform: 'azure', kind: 'request' } },
        patch: { [CALL]: { platform: 'azure', kind: 'request' } },
        deleteRequest: { [CALL]: { platform: 'azure', kind: 'request' } },
        storageQueue: { [CALL]: { platform: 'azure', kind: 'message' } },
        serviceBusQueue: { [CALL]: { platform: 'azure', kind: 'message' } },
        serviceBusTopic: { [CALL]: { platform: 'azure', kind: 'message' } },
        eventHub: { [CALL]: { platform: 'azure', kind: 'message' } },
        eventGrid: { [CALL]: { platform: 'azure', kind: 'message' } },
        storageBlob: { [CALL]: { platform: 'azure', kind: 'message' } },
        cosmosDB: { [CALL]: { platform: 'azure', kind: 'message' } },
      },
    },
    '@google-cloud/functions-framework': {
      http: { [CALL]: { platform: 'gcp', kind: 'request' } },
      cloudEvent: { [CALL]: { platform: 'gcp', kind: 'message' } },
    },
    'firebase-functions': {
      https: { onRequest: { [CALL]: { platform: 'gcp', kind: 'request' } } },
    },
    'firebase-functions/v2/https': { onRequest: { [CALL]: { platform: 'gcp', kind: 'request' } } },
    'firebase-functions/https': { onRequest: { [CALL]: { platform: 'gcp', kind: 'request' } } },
  },
};

interface Candidate {
  /** null while only middleware is known, as in `middy().use(validator(…))` before `.handler(fn)`. */
  fn: FunctionNode | null;
  validatedBy: string | null;
}

/** Finds every function in the file that receives requests or events from outside. */
export function findHandlers(sourceCode: TSESLint.SourceCode, settings: CoreSettings, filename = ''): Handler[] {
  const found = new Map<FunctionNode, Handler>();
  const locals = moduleOfLocals(sourceCode);
  const add = (handler: Handler | null): void => {
    if (handler && !found.has(handler.fn)) found.set(handler.fn, handler);
  };

  for (const { name, value } of exportedValues(sourceCode.ast)) {
    const fetchValue = name === 'default' ? fetchMethod(value) : null;
    const fetchHandler = fetchValue ? resolveFunction(sourceCode, fetchValue, locals, new Set())?.fn : null;
    if (fetchHandler && fetchHandler.params.length > 0) {
      add(makeHandler({ fn: fetchHandler, validatedBy: null }, 'web', 'request', { input: fetchHandler.params[0] }));
      continue;
    }
    const candidate = resolveFunction(sourceCode, value, locals, new Set());
    if (candidate?.fn && name === 'default' && isNetlifyFunctionFile(filename, locals)) {
      // Netlify Functions 2.0: `export default async (req, context) => new Response(…)`, with a Fetch `Request`.
      const [request, context] = candidate.fn.params;
      if (request && REQUEST_PARAM.test(paramName(request) ?? '')) {
        add(makeHandler({ fn: candidate.fn, validatedBy: candidate.validatedBy }, 'web', 'request', { input: request, context }));
        continue;
      }
    }
    if (candidate) add(classifyExport(candidate, name, settings));
  }
  for (const ref of findReferences(sourceCode, PLATFORM_REGISTRATIONS)) {
    if (ref.node.type !== AST_NODE_TYPES.CallExpression) continue;
    const candidate = registeredFunction(sourceCode, ref.node, locals);
    const handler = candidate && byPlatform(candidate, ref.info.platform, ref.info.kind);
    if (handler) add({ ...handler, constrainedParams: routeConstraints(ref.node) });
  }
  for (const handler of typedHandlers(sourceCode, locals)) add(handler);
  for (const handler of frameworkHandlers(sourceCode, locals, filename)) add(handler);
  for (const handler of routeModuleHandlers(sourceCode, locals)) add(handler);
  return [...found.values()];
}

const NETLIFY_FUNCTION_DIR = /(?:^|[/\\])netlify[/\\](?:edge-)?functions[/\\]/;

/** A file Netlify deploys as a function: under `netlify/functions/` (or edge functions), or typed by its packages. */
function isNetlifyFunctionFile(filename: string, locals: Map<string, string>): boolean {
  return NETLIFY_FUNCTION_DIR.test(filename) || [...locals.values()].some((module) => module === '@netlify/functions' || module === '@netlify/edge-functions');
}

/** `(exportName, value)` for CommonJS and ES module exports. */
function* exportedValues(program: TSESTree.Program): Generator<{ name: string; value: TSESTree.Node }> {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
        yield { name: declaration.id.name, value: declaration };
      } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) {
            yield { name: declarator.id.name, value: declarator.init };
          }
        }
      } else if (!statement.source) {
        for (const specifier of statement.specifiers) {
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
          yield { name: exported, value: specifier.local };
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      yield { name: 'default', value: statement.declaration };
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const expression = statement.expression;
      if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
      const target = exportTarget(expression.left);
      if (target === 'module.exports') {
        const value = unwrap(expression.right);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of value.properties) {
            if (property.type === AST_NODE_TYPES.Property) {
              const name = keyName(property);
              if (name) yield { name, value: property.value };
            }
          }
        } else {
          yield { name: 'default', value };
        }
      } else if (target) {
        yield { name: target, value: expression.right };
      }
    }
  }
}

/** `export default { fetch(request, env, ctx) {} }`: Cloudflare Workers, Bun, Deno and other fetch-style runtimes. */
function fetchMethod(value: TSESTree.Node): TSESTree.Node | null {
  const object = unwrap(value);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && keyName(property) === 'fetch') return property.value;
  }
  return null;
}

/** `'module.exports'` for `module.exports = …`, the name for `exports.x =` / `module.exports.x =`, else null. */
function exportTarget(left: TSESTree.Node): string | null {
  if (left.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = left.object;
  const name = propertyName(left);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && name === 'exports') return 'module.exports';
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return name;
  if (exportTarget(object) === 'module.exports') return name;
  return null;
}

const declarationsCache = new WeakMap<TSESTree.Program, Map<string, TSESTree.Node>>();

/** The program's own function and variable declarations by name (the first of each), `export`ed or not. */
function topLevelDeclarations(program: TSESTree.Program): Map<string, TSESTree.Node> {
  let declarations = declarationsCache.get(program);
  if (declarations) return declarations;
  declarations = new Map();
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && !declarations.has(declaration.id.name)) {
      declarations.set(declaration.id.name, declaration);
    } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && !declarations.has(declarator.id.name)) declarations.set(declarator.id.name, declarator);
      }
    } else if (declaration && (declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.ImportDeclaration)) {
      // Other bindings of a name: it is then no function of ours to follow.
      const names = declaration.type === AST_NODE_TYPES.ClassDeclaration ? [declaration.id?.name] : declaration.specifiers.map((s) => s.local.name);
      for (const name of names) if (name && !declarations.has(name)) declarations.set(name, declaration);
    }
  }
  declarationsCache.set(program, declarations);
  return declarations;
}

/** Whether an identifier sits in top-level code, outside every function and class (so it names a top-level binding). */
function atTopLevel(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassBody || current.type === AST_NODE_TYPES.BlockStatement || current.type === AST_NODE_TYPES.StaticBlock) return false;
    if (current.type === AST_NODE_TYPES.Program) return true;
  }
  return false;
}

/**
 * The function behind an exported value: the function itself, a variable holding it, or what a wrapper wraps
 * (`middy(fn).use(…)`, `middy().handler(fn)`, `Sentry.wrapHandler(fn)`), noting validating middleware on the way.
 */
function resolveFunction(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
  locals: Map<string, string>,
  seen: Set<TSESTree.Node>,
): Candidate | null {
  const value = unwrap(node);
  if (seen.has(value) || seen.size > 20) return null;
  seen.add(value);
  if (isFunctionNode(value)) return { fn: value, validatedBy: null };
  if (value.type === AST_NODE_TYPES.Identifier) {
    // A name used at the top level is a top-level binding: read off the program's own statements, without a scope lookup.
    const definition = atTopLevel(value) ? topLevelDeclarations(sourceCode.ast).get(value.name) : resolveVariable(sourceCode, value)?.defs[0]?.node;
    if (!definition) return null;
    if (definition.type === AST_NODE_TYPES.FunctionDeclaration) return { fn: definition, validatedBy: null };
    if (definition.type === AST_NODE_TYPES.VariableDeclarator && definition.init) {
      return resolveFunction(sourceCode, definition.init, locals, seen);
    }
    return null;
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return null;

  const callee = unwrap(value.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(callee);
    if (method === 'use' || method === 'before' || method === 'after' || method === 'onError' || method === 'handler') {
      const inner = resolveFunction(sourceCode, callee.object, locals, seen);
      const fromArgument =
        method === 'handler' && value.arguments[0] ? resolveFunction(sourceCode, value.arguments[0], locals, seen) : null;
      const validatedBy =
        (method === 'use' ? validatingMiddleware(value.arguments, locals) : null) ??
        inner?.validatedBy ??
        fromArgument?.validatedBy ??
        null;
      const fn = fromArgument?.fn ?? inner?.fn ?? null;
      return fn || validatedBy ? { fn, validatedBy } : null;
    }
  }
  // A generic wrapper: the first argument that is (or names) a function.
  for (const argument of value.arguments) {
    const inner = resolveFunction(sourceCode, argument, locals, seen);
    if (inner?.fn) return inner;
  }
  return null;
}

function validatingMiddleware(args: TSESTree.CallExpressionArgument[], locals: Map<string, string>): string | null {
  for (const argument of args) {
    const call = unwrap(argument);
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) continue;
    const module = locals.get(callee.name);
    if (module && VALIDATING_MIDDLEWARE.has(module)) return module;
  }
  return null;
}

function paramName(param: TSESTree.Parameter | undefined): string | null {
  if (!param) return null;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target.name : null;
}

/** Decides from an export's name and parameters whether it is a handler, and of which kind. */
function classifyExport(candidate: Candidate, exportName: string, settings: CoreSettings): Handler | null {
  const { fn, validatedBy } = candidate;
  if (!fn) return null;
  return classifyFunction({ fn, validatedBy }, exportName, settings);
}

function classifyFunction(candidate: Candidate & { fn: FunctionNode }, exportName: string, settings: CoreSettings): Handler | null {
  const { fn } = candidate;
  const [first, second, third] = fn.params;
  const firstName = paramName(first);
  const secondName = paramName(second);

  // Azure Functions v3: `module.exports = async function (context, req)`.
  if (firstName && CONTEXT_PARAM.test(firstName) && secondName && REQUEST_PARAM.test(secondName)) {
    return makeHandler(candidate, 'azure', 'request', { input: second, context: first });
  }
  const named = settings.handlerNames.includes(exportName);
  if (!named && isPredicate(fn)) return null;
  // `(req, res)`: Google Cloud Functions, Vercel and Netlify-style API routes. Exactly two parameters: with a
  // third (`next`) it is middleware, and a lone `req` is a library helper.
  if (firstName && REQUEST_PARAM.test(firstName) && secondName && RESPONSE_PARAM.test(secondName) && (fn.params.length === 2 || named)) {
    return makeHandler(candidate, exportName === 'default' ? 'web' : 'gcp', 'request', { input: first, response: second });
  }
  if (named) return makeHandler(candidate, 'aws', 'event', { input: first, context: second, callback: third });
  // By parameter names alone (`module.exports.hello = async (event, context) => …`): a named export whose
  // parameters read like Lambda's, so that `update(event, task, runner)` in a library is not taken for one.
  const lambdaShaped = !second || (secondName !== null && /^_?(context|ctx)$/.test(secondName));
  if (exportName !== 'default' && firstName && LAMBDA_EVENT_PARAM.test(firstName) && lambdaShaped) {
    return makeHandler(candidate, 'aws', 'event', { input: first, context: second, callback: third });
  }
  return null;
}

function makeHandler(
  candidate: Candidate & { fn: FunctionNode },
  platform: Platform,
  inputKind: InputKind,
  params: { input?: TSESTree.Parameter; response?: TSESTree.Parameter; context?: TSESTree.Parameter; callback?: TSESTree.Parameter },
): Handler {
  return {
    fn: candidate.fn,
    platform,
    inputKind,
    input: params.input ?? null,
    response: params.response ?? null,
    context: params.context ?? null,
    callback: params.callback ?? null,
    validatedBy: candidate.validatedBy,
  };
}

/** `app.http('name', { handler })`, `functions.http('name', fn)`, `onRequest(fn)`. */
function registeredFunction(
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression,
  locals: Map<string, string>,
): Candidate | null {
  for (const argument of call.arguments) {
    const value = unwrap(argument);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.Property && keyName(property) === 'handler') {
          return resolveFunction(sourceCode, property.value, locals, new Set());
        }
      }
    } else {
      const candidate = resolveFunction(sourceCode, value, locals, new Set());
      if (candidate?.fn) return candidate;
    }
  }
  return null;
}

function byPlatform(candidate: Candidate, platform: Platform, kind: InputKind): Handler | null {
  const { fn, validatedBy } = candidate;
  if (!fn) return null;
  const [first, second] = fn.params;
  const responseName = paramName(second);
  return makeHandler({ fn, validatedBy }, platform, kind, {
    input: first,
    response: kind === 'request' && responseName && RESPONSE_PARAM.test(responseName) ? second : undefined,
    context: kind === 'request' && !(responseName && RESPONSE_PARAM.test(responseName)) ? second : undefined,
  });
}

/** Type names from `aws-lambda` that mark an event parameter (`APIGatewayProxyEvent`, `SQSEvent`…) or a handler. */
const AWS_EVENT_TYPE = /(Event|EventV2|Request)$/;
const AWS_HANDLER_TYPE = /Handler(V2)?$/;

/**
 * TypeScript handlers found by their types, whatever they are called: a function whose first parameter has an
 * `aws-lambda` event type, a variable typed with an `aws-lambda` handler type, and Powertools
 * `class … implements LambdaInterface { handler(event, context) {} }`.
 */
function* typedHandlers(sourceCode: TSESLint.SourceCode, locals: Map<string, string>): Generator<Handler> {
  const awsTypes = new Set([...locals].filter(([, module]) => module === 'aws-lambda' || module === '@types/aws-lambda').map(([name]) => name));
  const lambdaInterface = [...locals].some(([name, module]) => name === 'LambdaInterface' && module.startsWith('@aws-lambda-powertools'));
  if (awsTypes.size === 0 && !lambdaInterface) return;

  const typeName = (annotation: TSESTree.TSTypeAnnotation | undefined): string | null => {
    const type = annotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return null;
    const name = type.typeName;
    return name.type === AST_NODE_TYPES.Identifier ? name.name : null;
  };
  const found: Handler[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node)) {
      const first = node.params[0];
      const annotation = first && 'typeAnnotation' in first ? first.typeAnnotation : undefined;
      const name = typeName(annotation);
      if (name && awsTypes.has(name) && AWS_EVENT_TYPE.test(name)) {
        found.push(makeHandler({ fn: node, validatedBy: null }, 'aws', 'event', {
          input: first,
          context: node.params[1],
          callback: node.params[2],
        }));
      }
    } else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier) {
      const name = typeName(node.id.typeAnnotation);
      const init = node.init && unwrap(node.init);
      if (name && awsTypes.has(name) && AWS_HANDLER_TYPE.test(name) && init && isFunctionNode(init)) {
        found.push(makeHandler({ fn: init, validatedBy: null }, 'aws', 'event', {
          input: init.params[0],
          context: init.params[1],
          callback: init.params[2],
        }));
      }
    } else if (
      (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) &&
      lambdaInterface &&
      node.implements.some((clause) => clause.expression.type === AST_NODE_TYPES.Identifier && clause.expression.name === 'LambdaInterface')
    ) {
      for (const member of node.body.body) {
        if (
          member.type === AST_NODE_TYPES.MethodDefinition &&
          keyName(member) === 'handler' &&
          member.value.type === AST_NODE_TYPES.FunctionExpression
        ) {
          const validatedBy = member.decorators.some((d) => isParserDecorator(d, locals)) ? '@aws-lambda-powertools/parser' : null;
          found.push(makeHandler({ fn: member.value, validatedBy }, 'aws', 'event', {
            input: member.value.params[0],
            context: member.value.params[1],
          }));
        }
      }
    }
  });
  yield* found;
}

/** `@parser({ schema })` from Powertools validates the event before the method runs. */
function isParserDecorator(decorator: TSESTree.Decorator, locals: Map<string, string>): boolean {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? unwrap(expression.callee) : expression;
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const module = locals.get(callee.name);
  return !!module && module.startsWith('@aws-lambda-powertools/parser');
}

/**
 * Type guards (`(event): event is SQSEvent`), boolean-typed functions and one-expression predicates
 * (`(event) => typeof event.body === 'string'`) answer a question about an event; they do not receive one.
 */
function isPredicate(fn: FunctionNode): boolean {
  const returnType = fn.returnType?.typeAnnotation;
  if (returnType?.type === AST_NODE_TYPES.TSTypePredicate || returnType?.type === AST_NODE_TYPES.TSBooleanKeyword) return true;
  const body = fn.body;
  const only = body?.type === AST_NODE_TYPES.BlockStatement ? (body.body.length === 1 && body.body[0]?.type === AST_NODE_TYPES.ReturnStatement ? body.body[0].argument : null) : body;
  if (!only) return false;
  const value = unwrap(only);
  if (value.type === AST_NODE_TYPES.UnaryExpression) return value.operator === '!';
  if (value.type === AST_NODE_TYPES.BinaryExpression) return ['===', '!==', '==', '!=', 'instanceof', 'in', '<', '>', '<=', '>='].includes(value.operator);
  if (value.type === AST_NODE_TYPES.LogicalExpression) return isComparison(value.left) && isComparison(value.right);
  return false;
}

function isComparison(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return (
    (value.type === AST_NODE_TYPES.BinaryExpression && ['===', '!==', '==', '!=', 'instanceof', 'in'].includes(value.operator)) ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') ||
    (value.type === AST_NODE_TYPES.LogicalExpression && isComparison(value.left) && isComparison(value.right))
  );
}

/** Modules whose `Request`/`Response` types mark an Express-style route handler. */
const ROUTE_TYPE_MODULES = new Set(['express', 'express-serve-static-core', '@types/express']);

/**
 * Express route modules in the usual layout, where `app.get(…)` lives in another file: a function whose
 * `(req, res[, next])` parameters are typed with Express's `Request`/`Response`, and a route factory
 * (`export function login() { return (req, res, next) => { … } }`) returning such a function.
 */
function* routeModuleHandlers(sourceCode: TSESLint.SourceCode, locals: Map<string, string>): Generator<Handler> {
  const typed = [...locals].some(([, module]) => ROUTE_TYPE_MODULES.has(module));
  const routeShaped = (fn: FunctionNode): boolean => {
    const [first, second] = fn.params;
    return !!paramName(first) && REQUEST_PARAM.test(paramName(first)!) && !!paramName(second) && RESPONSE_PARAM.test(paramName(second)!);
  };
  const typedAsRoute = (fn: FunctionNode): boolean => {
    const first = fn.params[0];
    const annotation = first && 'typeAnnotation' in first ? first.typeAnnotation?.typeAnnotation : undefined;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const name = annotation.typeName;
    const root = name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.TSQualifiedName && name.left.type === AST_NODE_TYPES.Identifier ? name.left.name : null;
    const module = root ? locals.get(root) : undefined;
    return !!module && ROUTE_TYPE_MODULES.has(module);
  };
  const route = (fn: FunctionNode): Handler =>
    makeHandler({ fn, validatedBy: null }, 'web', 'request', { input: fn.params[0], response: fn.params[1] });
  for (const { value } of exportedValues(sourceCode.ast)) {
    const fn = unwrap(value);
    if (!isFunctionNode(fn)) continue;
    if (typed && routeShaped(fn) && typedAsRoute(fn)) {
      yield route(fn);
      continue;
    }
    // A route factory: no request of its own, returns the route.
    if (fn.params.some((p) => { const n = paramName(p); return !!n && REQUEST_PARAM.test(n); })) continue;
    const returned = fn.body.type === AST_NODE_TYPES.BlockStatement
      ? fn.body.body.flatMap((statement) => (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? [unwrap(statement.argument)] : []))
      : [unwrap(fn.body)];
    for (const inner of returned) if (isFunctionNode(inner) && routeShaped(inner)) yield route(inner);
  }
}

/**
 * Azure route templates constrain parameters before the function runs: `{id:int}`, `{id:guid}`, `{name:alpha}`,
 * `{code:regex(^[a-z]{3}$)}`, `{id:length(8)}` reject anything else with a 404.
 */
function routeConstraints(call: TSESTree.CallExpression): ReadonlySet<string> | undefined {
  const options = call.arguments.map((a) => unwrap(a)).find((a) => a.type === AST_NODE_TYPES.ObjectExpression);
  const route = options?.type === AST_NODE_TYPES.ObjectExpression
    ? options.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && keyName(p) === 'route')?.value
    : undefined;
  if (route?.type !== AST_NODE_TYPES.Literal || typeof route.value !== 'string') return undefined;
  const names = [...route.value.matchAll(/\{(\w+):(?:int|long|guid|bool|alpha|datetime|decimal|double|float|regex\(|length\(|min\(|max\(|range\()/g)].map((m) => m[1]!);
  return names.length > 0 ? new Set(names) : undefined;
}
