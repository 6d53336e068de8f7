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
        if (SHOWING_CALLS.has(text) || sameFileFunction(sourceCode, callee)) {
          for (const argument of part.arguments) descend(argument, depth + 1);
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
export function isHttpFacing(handler: Handler, responses: readonly ResponseValue[]): boolean {
  if (handler.inputKind === 'request' || handler.inputKind === 'context') return true;
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
