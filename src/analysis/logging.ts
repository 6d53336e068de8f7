import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, rootIdentifier, unwrap } from '../util/ast.js';

/** Objects that are loggers by convention: `console`, `logger`, Powertools `Logger`, pino, winston, bunyan, Azure `context`. */
const LOGGER_NAME = /^(console|log|logger|LOGGER|Logger|pino|winston|bunyan|context|ctx|_?\w*[lL]ogger|req\.log|request\.log)$/;
const LOG_METHODS = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'critical', 'verbose', 'silly', 'dir', 'table']);

/**
 * A selector for the calls `isLogCall` may accept: a log method by name, or a computed one (`console['log']`). A
 * rule that listens to it is not called for the other calls of the file.
 */
export const LOG_CALL_SELECTOR = `CallExpression[callee.property.name=/^(?:${[...LOG_METHODS].join('|')})$/], CallExpression[callee.computed=true]`;

/**
 * True for a call that writes a log line: `console.log(…)`, `logger.info(…)`, `this.logger.warn(…)`,
 * `req.log.error(…)`, Azure `context.log(…)`.
 */
export function isLogCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  if (!method) return false;
  const object = unwrap(callee.object);
  // Azure: `context.log('…')` and `context.log.error('…')`.
  if (method === 'log' && object.type === AST_NODE_TYPES.Identifier) return LOGGER_NAME.test(object.name);
  if (!LOG_METHODS.has(method)) return false;
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    const inner = propertyName(object);
    return !!inner && (inner === 'log' || inner === 'logger' || /[lL]ogger$/.test(inner));
  }
  const root = rootIdentifier(object);
  return !!root && LOGGER_NAME.test(root.name);
}

/** Powertools Metrics/Tracer/Logger calls that attach data to telemetry: like logging, not a use of input. */
const TELEMETRY_METHODS = new Set([
  'addMetadata', 'putMetadata', 'putAnnotation', 'addDimension', 'addDimensions', 'addMetric', 'appendKeys',
  'appendPersistentKeys', 'addContext', 'setCorrelationId', 'addPersistentLogAttributes',
]);

export function isTelemetryCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  return !!method && TELEMETRY_METHODS.has(method);
}
