import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  enclosingFunction,
  keyName,
  propertyName,
  resolveVariable,
  rootIdentifier,
  sameFileFunction,
  unwrap,
  walk,
  type FunctionNode,
} from '../util/ast.js';
import type { Handler } from './handlers.js';
import { moduleOfLocals } from './imports.js';
import { HTTP_EVENT_FIELDS } from '../models/aws-lambda.js';

type Node = TSESTree.Node;

/** A value that goes back to the caller, and how: returned, passed to `callback`, written with `res.send`… */
export interface ResponseValue {
  handler: Handler;
  value: Node;
  via: 'return' | 'callback-error' | 'callback' | 'context' | 'res' | 'Response' | 'context.res';
}

const CONTEXT_RESPONSE_METHODS = new Set(['json', 'text', 'html', 'body', 'redirect']);
/** Response-writing methods of `res`/`reply` objects. */
export const RESPONSE_METHODS = new Set(['send', 'json', 'end', 'write', 'jsonp', 'render', 'sendStatus', 'text', 'html', 'body']);

/**
 * Every value a handler sends back: its return values (and those of the same-file functions whose result it
 * returns), `callback(err, value)`, `context.succeed/fail/done`, `res.send/json/end/write` (also after
 * `res.status(…)`), `reply.send`, `new Response(…)`/`Response.json(…)`, and Azure's `context.res = …`.
 */
export function responseValues(sourceCode: TSESLint.SourceCode, handlers: Handler[]): ResponseValue[] {
  const values: ResponseValue[] = [];
  for (const handler of handlers) {
    const builders = new Set<FunctionNode>();
    const addReturned = (value: Node, fn: FunctionNode): void => {
      values.push({ handler, value, via: 'return' });
      // `return errorResponse(err)`: what a same-file helper returns is the response too.
      const call = unwrap(value.type === AST_NODE_TYPES.AwaitExpression ? value.argument : value);
      if (call.type === AST_NODE_TYPES.CallExpression) {
        const helper = sameFileFunction(sourceCode, call.callee);
        if (helper && helper !== fn && !builders.has(helper)) {
          builders.add(helper);
          for (const returned of returnsOf(sourceCode, helper)) addReturned(returned, helper);
        }
      }
    };
    for (const returned of returnsOf(sourceCode, handler.fn)) addReturned(returned, handler.fn);

    const isParam = (node: Node, param: TSESTree.Parameter | null): boolean => {
      if (!param) return false;
      const root = rootIdentifier(node);
      if (!root) return false;
      const def = resolveVariable(sourceCode, root)?.defs[0];
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      return def?.type === 'Parameter' && def.name === target;
    };

    walk(handler.fn.body, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(node.callee);
        const method = calleeName(callee);
        if (isParam(callee, handler.callback) && callee.type === AST_NODE_TYPES.Identifier) {
          const [error, result] = node.arguments;
          if (error) values.push({ handler, value: error, via: 'callback-error' });
          if (result) values.push({ handler, value: result, via: 'callback' });
        } else if (callee.type === AST_NODE_TYPES.MemberExpression && isParam(callee, handler.context)) {
          if (method === 'succeed' || method === 'fail' || method === 'done') {
            for (const argument of node.arguments) values.push({ handler, value: argument, via: 'context' });
          }
        } else if (callee.type === AST_NODE_TYPES.MemberExpression && isParam(callee, handler.response)) {
          if (method && RESPONSE_METHODS.has(method)) {
            for (const argument of node.arguments) values.push({ handler, value: argument, via: 'res' });
          }
        } else if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          handler.inputKind === 'context' &&
          isParam(callee, handler.input) &&
          unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
          method && CONTEXT_RESPONSE_METHODS.has(method)
        ) {
          // Hono `c.json(x)`, `c.text(x)`.
          for (const argument of node.arguments.slice(0, 1)) values.push({ handler, value: argument, via: 'res' });
        } else if (callee.type === AST_NODE_TYPES.MemberExpression && method === 'json' && isResponseClass(callee.object)) {
          for (const argument of node.arguments.slice(0, 1)) values.push({ handler, value: argument, via: 'Response' });
        }
      } else if (node.type === AST_NODE_TYPES.NewExpression && isResponseClass(node.callee)) {
        const [body] = node.arguments;
        if (body) values.push({ handler, value: body, via: 'Response' });
      } else if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.left.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(node.left) === 'res' &&
        isParam(node.left.object, handler.context)
      ) {
        values.push({ handler, value: node.right, via: 'context.res' });
      } else if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.left.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(node.left) === 'body' &&
        handler.inputKind === 'context' &&
        isParam(node.left.object, handler.input)
      ) {
        // Koa `ctx.body = x`.
        values.push({ handler, value: node.right, via: 'res' });
      }
    });
  }
  return values;
}

/** `Response`, `NextResponse`: the Fetch API's response class and its framework variants. */
function isResponseClass(node: Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Identifier && (value.name === 'Response' || value.name === 'NextResponse');
}

/** The values a function returns from its own body (not from nested functions). */
export function returnsOf(sourceCode: TSESLint.SourceCode, fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: Node[] = [];
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && enclosingFunction(node) === fn) {
      values.push(node.argument);
    }
  });
  return values;
}

/** Calls whose result shows their arguments: serialisers and string conversions. */
const SHOWING_CALLS = new Set(['JSON.stringify', 'String', 'util.inspect', 'inspect', 'util.format', 'format', 'Object.assign', 'serializeError', 'Buffer.from']);

/**
 * Visits the parts of a response value that end up in what the caller sees: object and array members, template
 * and `+` operands, both branches of `? :`/`||`/`??`, awaited and spread values, the arguments of serialisers
 * (`JSON.stringify`, `String`), same-file helper calls' arguments, and what a local variable was set to.
 * `visit` returns true to stop descending into a part (it has been judged).
 */
export function visitShownParts(sourceCode: TSESLint.SourceCode, root: Node, visit: (part: Node) => boolean): void {
  const seen = new Set<Node>();
  const descend = (node: Node, depth: number): void => {
    const part = unwrap(node);
    if (seen.has(part) || depth > 8) return;
    seen.add(part);
    if (visit(part)) return;
    switch (part.type) {
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of part.properties) {
          descend(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth + 1);
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of part.elements) if (element) descend(element, depth + 1);
        return;
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.AwaitExpression:
        descend(part.argument, depth + 1);
        return;
      case AST_NODE_TYPES.TemplateLiteral:
        for (const expression of part.expressions) descend(expression, depth + 1);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (part.operator === '+') {
          descend(part.left, depth + 1);
          descend(part.right, depth + 1);
        }
        return;
      case AST_NODE_TYPES.LogicalExpression:
        descend(part.left, depth + 1);
        descend(part.right, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        descend(part.consequent, depth + 1);
        descend(part.alternate, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(part.callee);
        const text = sourceCode.getText(callee);
        const helper = SHOWING_CALLS.has(text) ? null : sameFileFunction(sourceCode, callee);
        if (SHOWING_CALLS.has(text)) {
          for (const argument of part.arguments) descend(argument, depth + 1);
        } else if (helper) {
          // `errorResponse(err)` shows `err` when the helper returns it; `fetchProfile(token)` does not.
          part.arguments.forEach((argument, index) => {
            if (returnsParameter(sourceCode, helper, index)) descend(argument, depth + 1);
          });
        } else if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'toString') {
          descend(callee.object, depth + 1);
        }
        return;
      }
      case AST_NODE_TYPES.Identifier: {
        // `const body = { error: err.message }; return { body: JSON.stringify(body) }`
        const variable = resolveVariable(sourceCode, part);
        const def = variable?.defs[0];
        if (variable && def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
          descend(def.node.init, depth + 1);
        }
        return;
      }
      default:
        return;
    }
  };
  descend(root, 0);
}

/** `aws-lambda` event types of HTTP sources. */
const HTTP_EVENT_TYPE = /APIGateway|ALB|LambdaFunctionURL|Http|Request/;

/**
 * Whether a handler answers HTTP requests (so its responses reach a caller, and its input carries headers and
 * cookies): a request handler, an event typed as an API Gateway, ALB or function-URL event, or one that returns
 * `{ statusCode }`.
 */
export function isHttpFacing(sourceCode: TSESLint.SourceCode, handler: Handler, responses: readonly ResponseValue[]): boolean {
  if (handler.inputKind === 'request' || handler.inputKind === 'context') return true;
  if (handler.inputKind === 'message') return false;
  // A handler that reads queue records, a bus event's `detail`, custom-resource fields or a WebSocket connection id
  // answers a service, not an HTTP client, whatever its result looks like.
  const reads = eventFieldsRead(sourceCode, handler);
  if ([...reads].some((field) => !HTTP_COMPATIBLE_FIELDS.has(field))) return false;
  // WebSocket routes answer through the management API; a route's own result reaches nobody unless configured.
  if ([...moduleOfLocals(sourceCode).values()].includes('@aws-sdk/client-apigatewaymanagementapi')) return false;
  const input = handler.input;
  const annotation = input && 'typeAnnotation' in input ? input.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier) {
    if (HTTP_EVENT_TYPE.test(annotation.typeName.name)) return true;
  }
  const declarator = handler.fn.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const type = declarator.id.typeAnnotation?.typeAnnotation;
    if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && /APIGateway|ALB|FunctionURL/.test(type.typeName.name)) {
      return true;
    }
  }
  return responses.some((r) => {
    if (r.handler !== handler) return false;
    const value = unwrap(r.value);
    return value.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'statusCode');
  });
}

/** Top-level fields of an HTTP event (and `requestContext.*` fields of REST and HTTP APIs). */
const HTTP_COMPATIBLE_FIELDS = new Set([
  ...HTTP_EVENT_FIELDS, 'requestContext', 'httpMethod', 'resource', 'path', 'stageVariables', 'isBase64Encoded', 'version',
  'routeKey', 'requestContext.authorizer', 'requestContext.identity', 'requestContext.http', 'requestContext.requestId',
  'requestContext.accountId', 'requestContext.stage', 'requestContext.path', 'requestContext.httpMethod',
  'requestContext.domainName', 'requestContext.apiId', 'requestContext.routeKey', 'requestContext.requestTimeEpoch', 'requestContext.time',
]);

const readsCache = new WeakMap<Handler, Set<string>>();

/** The fields a Lambda handler reads off its event: `body`, `Records`, `requestContext.connectionId`… */
export function eventFieldsRead(sourceCode: TSESLint.SourceCode, handler: Handler): Set<string> {
  const cached = readsCache.get(handler);
  if (cached) return cached;
  const fields = new Set<string>();
  readsCache.set(handler, fields);
  const input = handler.input && (handler.input.type === AST_NODE_TYPES.AssignmentPattern ? handler.input.left : handler.input);
  if (!input || handler.inputKind !== 'event') return fields;
  const fromPattern = (pattern: Node, prefix: string): void => {
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = keyName(property);
      if (!name) continue;
      fields.add(prefix + name);
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (!prefix && name === 'requestContext') fromPattern(value, 'requestContext.');
    }
  };
  if (input.type === AST_NODE_TYPES.ObjectPattern) {
    fromPattern(input, '');
    return fields;
  }
  if (input.type !== AST_NODE_TYPES.Identifier) return fields;
  const name = input.name;
  const isInput = (node: Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  walk(handler.fn.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && isInput(unwrap(node.object))) {
      const field = propertyName(node);
      if (!field) return;
      fields.add(field);
      const outer = node.parent;
      if (field === 'requestContext' && outer?.type === AST_NODE_TYPES.MemberExpression && outer.object === node) {
        const inner = propertyName(outer);
        if (inner) fields.add(`requestContext.${inner}`);
      }
    } else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && isInput(unwrap(node.init))) {
      fromPattern(node.id, '');
    }
  });
  return fields;
}

/** Whether a same-file function's return values mention its parameter at `index`. */
function returnsParameter(sourceCode: TSESLint.SourceCode, fn: FunctionNode, index: number): boolean {
  const param = fn.params[index];
  const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (!target) return false;
  if (target.type !== AST_NODE_TYPES.Identifier) return true;
  return returnsOf(sourceCode, fn).some((value) => {
    let found = false;
    walk(value, sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier && node.name === target.name) found = true;
    });
    return found;
  });
}

/** A `try` block with nothing in it that can throw (literals, object and array literals, `JSON.stringify` of them). */
export function cannotThrow(sourceCode: TSESLint.SourceCode, block: TSESTree.BlockStatement): boolean {
  let safe = true;
  walk(block, sourceCode.visitorKeys, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.TemplateElement:
      case AST_NODE_TYPES.Identifier:
        return;
      case AST_NODE_TYPES.MemberExpression:
        // Only as the callee `JSON.stringify`, checked below.
        if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) return;
        safe = false;
        return;
      case AST_NODE_TYPES.CallExpression:
        if (sourceCode.getText(node.callee) !== 'JSON.stringify') safe = false;
        return;
      default:
        safe = false;
    }
  });
  return safe;
}
