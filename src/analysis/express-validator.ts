import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, exits, isFunctionNode, keyName, propertyName, resolveVariable, rootIdentifier, sameFileFunction, unwrap, walk, type FunctionNode } from '../util/ast.js';
import type { Handler } from './handlers.js';
import { importedModule, importedName, moduleOfLocals } from './imports.js';
import type { InputLabel } from './flow/labels.js';

type Node = TSESTree.Node;
type SourceCode = TSESLint.SourceCode;
type Region = [number, number];

/*
 * express-validator, as Express apps behind `serverless-http` use it. Its chains (`body('email').isEmail()`,
 * `param('id').isUUID()`, `checkSchema(…)`, `oneOf(…)`) reject nothing by themselves: they record errors on the
 * request and call `next()`. The request is validated only where the code looks at the result and stops —
 * `if (!validationResult(req).isEmpty()) return res.status(400)…`, `validationResult(req).throw()`, or a middleware
 * in the route that does so before the handler — and `matchedData(req)` holds only the fields whose chains passed.
 *
 * What a chain must check to count: the value's type or format (`isUUID`, `isInt`, `isEmail`, `isIn`, `matches`,
 * `isString`, `custom`, `toInt`…), as a schema type or a rejecting guard counts elsewhere (`z.string()`, `typeof x
 * === 'string'`). Presence and length (`exists`, `notEmpty`, `isLength`), sanitisers alone (`trim`, `escape`),
 * negated checks (`.not().isIn(…)` is a deny-list) and checks behind `.if(…)` say nothing about what the value may
 * hold, as `if (!x) return` says nothing. A read is matched to the chains by location and field (`req.params.id` to
 * `param('id')` or `check('id')`): a field no chain names passes the check whatever it holds, so it stays input as it
 * came. Chains the file does not show (an imported rule array, a route registered in another file) are trusted,
 * as a schema defined out of sight is: the check says the author declared them.
 */

const MODULES = new Set(['express-validator', 'express-validator/check', 'express-validator/filter']);

/** The request parts a chain builder reads (`check` reads them all), named as the request names them. */
const ALL_LOCATIONS = ['body', 'cookies', 'headers', 'params', 'query'] as const;
const LOCATIONS = new Set<string>(ALL_LOCATIONS);
const BUILDERS: Record<string, readonly string[]> = {
  check: ALL_LOCATIONS, body: ['body'], cookie: ['cookies'], header: ['headers'], param: ['params'], query: ['query'],
};
const SCHEMA_LOCATION: Record<string, string> = { param: 'params', header: 'headers', cookie: 'cookies' };

/** Validators that check presence, size or a substring, not what the value is. */
const PRESENCE_CHECKS = new Set(['isEmpty', 'isLength', 'isByteLength', 'exists', 'notEmpty', 'contains']);
/** Type and format validators, `custom`, and the coercions to numbers and booleans (safe anywhere). */
const VALUE_CHECK = /^(is[A-Z]\w*|matches|equals|custom|toInt|toFloat|toBoolean|toDate)$/;
const isValueCheck = (name: string): boolean => VALUE_CHECK.test(name) && !PRESENCE_CHECKS.has(name);

/** Middleware out of sight whose name says it checks the chains' result: `validate`, `handleValidationErrors`. */
const CHECKING_MIDDLEWARE_NAME = /valid/i;

/**
 * What a chain checks: which request parts, which fields (segments of `user.email`, `items.*.id`; none for the
 * whole part; null when the field is computed), and whether it checks the value. `oneOf` passes when one of its
 * alternatives does, so it checks a field only if every alternative does.
 */
export type ValidationChain =
  | { locations: readonly string[]; fields: readonly (readonly string[])[] | null; checksValue: boolean }
  | { alternatives: readonly (readonly ValidationChain[])[] };

/** express-validator in an Express route: the chains it runs before a handler, and whether a middleware there rejects when they fail. */
export interface ExpressValidation {
  chains: readonly ValidationChain[];
  checkedBefore: boolean;
}

export const isExpressValidatorModule = (module: string): boolean => MODULES.has(module);

export function importsExpressValidator(sourceCode: SourceCode): boolean {
  for (const module of moduleOfLocals(sourceCode).values()) if (MODULES.has(module)) return true;
  return false;
}

/** The express-validator export a callee names (`body`, `validationResult`, `ev.matchedData`), resolved through its import. */
function exportOf(sourceCode: SourceCode, callee: Node): string | null {
  const value = unwrap(callee);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const module = importedModule(sourceCode, value);
    return module && MODULES.has(module) ? importedName(sourceCode, value) : null;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(value.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return null;
    const module = importedModule(sourceCode, object);
    // A namespace: `import * as ev from 'express-validator'`, `const ev = require('express-validator')`.
    return module && MODULES.has(module) && importedName(sourceCode, object) === null ? propertyName(value) : null;
  }
  return null;
}

// ---- chains -----------------------------------------------------------------------------------------------------

/** The chains an expression in a route runs: chains, arrays of them, `checkSchema`, `oneOf`, same-file constants, and chains handed to a wrapper. */
function collectChains(sourceCode: SourceCode, node: Node, out: ValidationChain[], depth = 0): void {
  if (depth > 4) return;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of value.elements) {
      if (element) collectChains(sourceCode, element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, out, depth + 1);
    }
  } else if (value.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(sourceCode, value);
    if (init) collectChains(sourceCode, init, out, depth + 1);
  } else if (value.type === AST_NODE_TYPES.CallExpression) {
    const chains = chainsOf(sourceCode, value, depth);
    if (chains) out.push(...chains);
    else for (const argument of value.arguments) collectChains(sourceCode, argument, out, depth + 1);
  }
}

/** The chains one call builds: `body('id').isInt()` is one, `checkSchema({…})` one per field, `oneOf([…])` a group. */
function chainsOf(sourceCode: SourceCode, call: TSESTree.CallExpression, depth: number): ValidationChain[] | null {
  const methods: string[] = [];
  let current: Node = call;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const exported = exportOf(sourceCode, current.callee);
    if (exported) return builtChains(sourceCode, exported, current, methods.reverse(), depth);
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    methods.push(propertyName(callee) ?? '');
    current = unwrap(callee.object);
  }
  return null;
}

function builtChains(sourceCode: SourceCode, builder: string, base: TSESTree.CallExpression, methods: string[], depth: number): ValidationChain[] | null {
  const locations = BUILDERS[builder];
  if (locations) return [{ locations, fields: fieldsOf(base.arguments[0]), checksValue: chainChecksValue(methods) }];
  if (builder === 'checkSchema') return schemaChains(sourceCode, base);
  if (builder === 'oneOf') {
    const list = base.arguments[0] && unwrap(base.arguments[0]);
    if (list?.type !== AST_NODE_TYPES.ArrayExpression) return [];
    const alternatives = list.elements.map((element) => {
      const group: ValidationChain[] = [];
      if (element && element.type !== AST_NODE_TYPES.SpreadElement) collectChains(sourceCode, element, group, depth + 1);
      return group;
    });
    return [{ alternatives }];
  }
  return null;
}

/** Whether a chain's methods check the value: a type or format check that is not negated (`.not()`) nor conditional (`.if()`). */
function chainChecksValue(methods: readonly string[]): boolean {
  let negated = false;
  for (const method of methods) {
    if (method === 'if') return false;
    if (method === 'not') negated = true;
    else if (isValueCheck(method)) {
      if (!negated) return true;
      negated = false;
    } else if (PRESENCE_CHECKS.has(method)) negated = false;
  }
  return false;
}

/** `'user.email'` → `[user, email]`, `'items[*].id'` → `[items, *, id]`; no argument is the whole part; null when not literal. */
function fieldsOf(argument: Node | undefined): string[][] | null {
  if (!argument) return [[]];
  const value = unwrap(argument);
  const names = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
  const fields: string[][] = [];
  for (const name of names) {
    if (name?.type !== AST_NODE_TYPES.Literal || typeof name.value !== 'string') return null;
    fields.push(fieldSegments(name.value));
  }
  return fields;
}

function fieldSegments(field: string): string[] {
  return field.replace(/\[(\d+|\*)\]/g, '.$1').replace(/\[['"]([^'"\]]*)['"]\]/g, '.$1').split('.').filter((segment) => segment !== '');
}

/** `checkSchema({ id: { in: ['params'], isUUID: true }, email: { isEmail: true, trim: true } }, ['body'])`. */
function schemaChains(sourceCode: SourceCode, call: TSESTree.CallExpression): ValidationChain[] {
  const [schemaArgument, locationsArgument] = call.arguments;
  const schema = schemaArgument && resolvedObject(sourceCode, schemaArgument);
  if (!schema) return [];
  const defaults = locationList(locationsArgument) ?? ALL_LOCATIONS;
  const chains: ValidationChain[] = [];
  for (const property of schema.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const field = keyName(property);
    const config = resolvedObject(sourceCode, property.value);
    if (field === null) continue;
    if (!config) {
      // A field's checks defined out of sight.
      chains.push({ locations: defaults, fields: [fieldSegments(field)], checksValue: true });
      continue;
    }
    let locations: readonly string[] = defaults;
    let checksValue = false;
    let conditional = false;
    for (const option of config.properties) {
      if (option.type !== AST_NODE_TYPES.Property) continue;
      const name = keyName(option);
      const value = unwrap(option.value);
      if (name === 'in') locations = locationList(value) ?? defaults;
      else if (name === 'if') conditional = true;
      else if (name && isValueCheck(name) && !(value.type === AST_NODE_TYPES.Literal && value.value === false) && !isNegated(value)) checksValue = true;
    }
    chains.push({ locations, fields: [fieldSegments(field)], checksValue: checksValue && !conditional });
  }
  return chains;
}

function isNegated(options: Node): boolean {
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'negated' && unwrap(p.value).type === AST_NODE_TYPES.Literal && (unwrap(p.value) as TSESTree.Literal).value === true);
}

/** `'params'`, `['body', 'query']` → request parts; null when not literal. */
function locationList(node: Node | undefined): string[] | null {
  if (!node) return null;
  const value = unwrap(node);
  const items = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
  const locations: string[] = [];
  for (const item of items) {
    if (item?.type !== AST_NODE_TYPES.Literal || typeof item.value !== 'string') return null;
    locations.push(SCHEMA_LOCATION[item.value] ?? item.value);
  }
  return locations;
}

function resolvedObject(sourceCode: SourceCode, node: Node): TSESTree.ObjectExpression | null {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) value = constInit(sourceCode, value) ?? value;
  return value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
}

function constInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): Node | null {
  const definition = resolveVariable(sourceCode, identifier)?.defs[0];
  const node = definition?.node;
  return node?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.kind === 'const' && node.init ? unwrap(node.init) : null;
}

// ---- coverage ---------------------------------------------------------------------------------------------------

type Coverage = 'value' | 'presence' | 'none';

/** How well the chains check a field: its value, only its presence, or not at all. `location` null: any part. */
function coverage(chains: readonly ValidationChain[], location: string | null, fields: readonly string[]): Coverage {
  let result: Coverage = 'none';
  for (const chain of chains) {
    let covered: Coverage;
    if ('alternatives' in chain) {
      const each = chain.alternatives.map((group) => coverage(group, location, fields));
      covered = each.length > 0 && each.every((c) => c === 'value') ? 'value' : each.some((c) => c !== 'none') ? 'presence' : 'none';
    } else if (location !== null && !chain.locations.includes(location)) {
      covered = 'none';
    } else {
      const caseless = location === 'headers';
      const names = chain.fields;
      covered = !names || names.some((field) => fieldCovers(field, fields, caseless)) ? (chain.checksValue ? 'value' : 'presence') : 'none';
    }
    if (covered === 'value') return 'value';
    if (covered === 'presence') result = 'presence';
  }
  return result;
}

/** `user.email` covers `req.body.user.email` and what is read from it, not `req.body.user` as a whole. */
function fieldCovers(field: readonly string[], read: readonly string[], caseless: boolean): boolean {
  if (field.length > read.length) return false;
  return field.every((segment, i) => segment === '*' || segment === read[i] || (caseless && segment.toLowerCase() === read[i]!.toLowerCase()));
}

function everyChainChecksValue(chains: readonly ValidationChain[]): boolean {
  return chains.every((chain) => ('alternatives' in chain ? chain.alternatives.every(everyChainChecksValue) : chain.checksValue));
}

// ---- the result check -------------------------------------------------------------------------------------------

/**
 * Where in `fn` the express-validator result for `request` has been checked and a failure stopped: after `if
 * (!errors.isEmpty()) return …` (or `throw`), inside `if (errors.isEmpty()) { … }` and the passing side of `?:`,
 * and after `validationResult(req).throw()`. A check that only logs covers nothing.
 */
export function resultCheckedRegions(sourceCode: SourceCode, fn: FunctionNode, request: TSESTree.Identifier): Region[] {
  const regions: Region[] = [];
  const isResult = (node: Node, depth = 0): boolean => {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const init = depth < 2 ? variableInit(sourceCode, value) : null;
      return !!init && isResult(init, depth + 1);
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(value.callee);
    // `validationResult(req).formatWith(f)` is the same result.
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'formatWith') return isResult(callee.object, depth);
    if (!isResultFunction(callee, depth)) return false;
    const argument = value.arguments[0] && unwrap(value.arguments[0]);
    return argument?.type === AST_NODE_TYPES.Identifier && resolveVariable(sourceCode, argument)?.defs[0]?.name === request;
  };
  // `validationResult`, or `validationResult.withDefaults({ formatter })` kept in a constant.
  const isResultFunction = (callee: Node, depth: number): boolean => {
    if (exportOf(sourceCode, callee) === 'validationResult') return true;
    if (callee.type !== AST_NODE_TYPES.Identifier || depth >= 2) return false;
    const init = variableInit(sourceCode, callee);
    return init?.type === AST_NODE_TYPES.CallExpression && unwrap(init.callee).type === AST_NODE_TYPES.MemberExpression &&
      calleeName(init.callee) === 'withDefaults' && exportOf(sourceCode, (unwrap(init.callee) as TSESTree.MemberExpression).object) === 'validationResult';
  };
  // 'passed' when the test holds only if there are no errors, 'failed' when it holds whenever there are.
  const polarity = (test: Node): 'passed' | 'failed' | null => {
    const value = unwrap(test);
    if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') {
      const inner = polarity(value.argument);
      return inner === 'passed' ? 'failed' : inner === 'failed' ? 'passed' : null;
    }
    if (value.type === AST_NODE_TYPES.LogicalExpression) {
      const sides = [polarity(value.left), polarity(value.right)];
      if (value.operator === '||' && sides.includes('failed')) return 'failed';
      if (value.operator === '&&' && sides.includes('passed')) return 'passed';
      return null;
    }
    if (value.type === AST_NODE_TYPES.BinaryExpression && ['===', '!==', '==', '!='].includes(value.operator)) {
      const literal = [value.left, value.right].find((side) => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'boolean') as TSESTree.BooleanLiteral | undefined;
      const other = literal && (literal === value.right ? value.left : value.right);
      if (!other) return null;
      const inner = polarity(other);
      const flip = (value.operator.startsWith('=')) !== literal.value;
      return !inner || !flip ? inner : inner === 'passed' ? 'failed' : 'passed';
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(value.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'isEmpty' && isResult(callee.object) ? 'passed' : null;
    }
    // `errors.array().length`: truthy when there are errors.
    if (value.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'length') {
      const array = unwrap(value.object);
      return array.type === AST_NODE_TYPES.CallExpression && calleeName(array.callee) === 'array' &&
        unwrap(array.callee).type === AST_NODE_TYPES.MemberExpression && isResult((unwrap(array.callee) as TSESTree.MemberExpression).object) ? 'failed' : null;
    }
    return null;
  };
  const afterInBlock = (statement: Node): void => {
    const block = statement.parent;
    if (block?.type === AST_NODE_TYPES.BlockStatement) regions.push([statement.range[1], block.range[1]]);
  };
  walk(fn.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.IfStatement) {
      const result = polarity(node.test);
      if (!result) return;
      const [pass, fail] = result === 'passed' ? [node.consequent, node.alternate] : [node.alternate, node.consequent];
      if (pass) regions.push(pass.range);
      if (fail && exits(fail)) afterInBlock(node);
    } else if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      const result = polarity(node.test);
      if (result) regions.push((result === 'passed' ? node.consequent : node.alternate).range);
    } else if (node.type === AST_NODE_TYPES.ExpressionStatement) {
      const call = unwrap(node.expression);
      if (call.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = unwrap(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'throw' && isResult(callee.object)) afterInBlock(node);
    }
  });
  return regions;
}

function variableInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): Node | null {
  const node = resolveVariable(sourceCode, identifier)?.defs[0]?.node;
  return node?.type === AST_NODE_TYPES.VariableDeclarator && node.init ? unwrap(node.init) : null;
}

const within = (node: Node, regions: readonly Region[]): boolean => regions.some(([start, end]) => node.range[0] >= start && node.range[1] <= end);

/** A middleware `(req, res, next)` that calls `next()` only where the result check passed. */
function rejectsUnlessValid(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const [request, , next] = fn.params;
  if (request?.type !== AST_NODE_TYPES.Identifier || next?.type !== AST_NODE_TYPES.Identifier) return false;
  const regions = resultCheckedRegions(sourceCode, fn, request);
  if (regions.length === 0) return false;
  let passes = 0;
  for (const reference of resolveVariable(sourceCode, next)?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return false;
    if (call.arguments.length > 0) continue; // `next(err)` rejects
    if (!within(call, regions)) return false;
    passes++;
  }
  return passes > 0;
}

/** The functions a factory returns: `(rules) => async (req, res, next) => { … }`. */
function returnedFunctions(fn: FunctionNode): FunctionNode[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrap(fn.body);
    return isFunctionNode(body) ? [body] : [];
  }
  return fn.body.body.flatMap((statement) => {
    const value = statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? unwrap(statement.argument) : null;
    return isFunctionNode(value) ? [value] : [];
  });
}

/**
 * The express-validator work a route does before its handler at `index`: the chains among the arguments before
 * it, and whether one of them is a middleware that rejects when they fail — a same-file one whose `next()` runs
 * only after the result check, or one out of sight, after chains, whose name says so (`validate`,
 * `handleValidationErrors`).
 */
export function routeExpressValidation(sourceCode: SourceCode, args: readonly TSESTree.CallExpressionArgument[], index: number): ExpressValidation | undefined {
  const chains: ValidationChain[] = [];
  let checkedBefore = false;
  for (const argument of args.slice(0, index)) {
    collectChains(sourceCode, argument, chains);
    if (checksResult(sourceCode, argument, chains.length > 0)) checkedBefore = true;
  }
  return chains.length > 0 || checkedBefore ? { chains, checkedBefore } : undefined;
}

function checksResult(sourceCode: SourceCode, argument: Node, afterChains: boolean): boolean {
  const value = unwrap(argument);
  const local = isFunctionNode(value) ? value : sameFileFunction(sourceCode, value);
  if (local) return rejectsUnlessValid(sourceCode, local);
  if (value.type === AST_NODE_TYPES.CallExpression && chainsOf(sourceCode, value, 0)) return false;
  const target = value.type === AST_NODE_TYPES.CallExpression ? unwrap(value.callee) : value;
  const factory = value.type === AST_NODE_TYPES.CallExpression ? sameFileFunction(sourceCode, target) : null;
  if (factory) return returnedFunctions(factory).some((fn) => rejectsUnlessValid(sourceCode, fn));
  if (!afterChains || exportOf(sourceCode, target)) return false;
  const root = rootIdentifier(target);
  const name = calleeName(target);
  return !!root && !!importedModule(sourceCode, root) && !!name && CHECKING_MIDDLEWARE_NAME.test(name);
}

// ---- in the flow --------------------------------------------------------------------------------------------------

interface HandlerChecks {
  regions: Region[];
  /** null when no chain is in sight: the check is trusted for every field. */
  chains: readonly ValidationChain[] | null;
}

/** Where each handler's request is validated by express-validator, for the flow's guards (see guards.ts). */
export class ExpressValidatorChecks {
  private readonly perHandler = new Map<Handler, HandlerChecks>();
  /** `matchedData(req)` calls whose result holds only data that passed. */
  private readonly matched = new Set<Node>();

  private constructor(private readonly sourceCode: SourceCode) {}

  static forFile(sourceCode: SourceCode): ExpressValidatorChecks | null {
    return importsExpressValidator(sourceCode) ? new ExpressValidatorChecks(sourceCode) : null;
  }

  /** Whether the input `label` carries is validated at `read`: after a result check, by a chain that checks its value. */
  validates(read: Node, label: InputLabel): boolean {
    const handler = label.handler;
    if (handler.inputKind !== 'request') return false;
    const checks = this.checksOf(handler);
    const [, location, ...fields] = label.path.replace(/\[\]/g, '.*').split('.');
    if (this.matched.has(label.source)) {
      // Only fields whose chains passed are there; one checked for presence alone holds what the caller sent.
      if (!checks.chains) return true;
      return location === undefined ? everyChainChecksValue(checks.chains) : coverage(checks.chains, null, [location, ...fields]) !== 'presence';
    }
    if (!location || !LOCATIONS.has(location) || !within(read, checks.regions)) return false;
    return !checks.chains || coverage(checks.chains, location, fields) === 'value';
  }

  /** The data `matchedData(req)` returns, labelled: validated when every chain checks its value. */
  matchedData(call: TSESTree.CallExpression, argument: Node, label: InputLabel): InputLabel | null {
    if (!label.whole || label.handler.inputKind !== 'request' || call.arguments[0] !== argument) return null;
    if (exportOf(this.sourceCode, call.callee) !== 'matchedData') return null;
    const checks = this.checksOf(label.handler);
    // `{ onlyValidData: false }` returns what failed too, unless a result check stopped the request before.
    const options = call.arguments[1] && unwrap(call.arguments[1]);
    const allData = options?.type === AST_NODE_TYPES.ObjectExpression && options.properties.some((p) =>
      p.type === AST_NODE_TYPES.Property && keyName(p) === 'onlyValidData' && unwrap(p.value).type === AST_NODE_TYPES.Literal && (unwrap(p.value) as TSESTree.Literal).value === false);
    const trusted = !allData || within(call, checks.regions);
    if (trusted) this.matched.add(call);
    const path = `matchedData(${label.path})`;
    return { ...label, whole: false, derived: false, source: call, path, sourcePath: path, validated: trusted && (!checks.chains || everyChainChecksValue(checks.chains)) };
  }

  private checksOf(handler: Handler): HandlerChecks {
    const cached = this.perHandler.get(handler);
    if (cached) return cached;
    const chains: ValidationChain[] = [...(handler.expressValidation?.chains ?? [])];
    const regions: Region[] = handler.expressValidation?.checkedBefore ? [handler.fn.body.range] : [];
    const input = handler.input?.type === AST_NODE_TYPES.AssignmentPattern ? handler.input.left : handler.input;
    if (input?.type === AST_NODE_TYPES.Identifier) {
      regions.push(...resultCheckedRegions(this.sourceCode, handler.fn, input));
      // Chains run by hand: `await body('email').isEmail().run(req)`.
      walk(handler.fn.body, this.sourceCode.visitorKeys, (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression && calleeName(node.callee) === 'run' && unwrap(node.callee).type === AST_NODE_TYPES.MemberExpression) {
          collectChains(this.sourceCode, node, chains);
        }
      });
    }
    const checks = { regions, chains: chains.length > 0 ? chains : null };
    this.perHandler.set(handler, checks);
    return checks;
  }
}
