import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  enclosingFunction,
  isFunctionNode,
  keyName,
  processEnvRead,
  propertyName,
  resolveVariable,
  rootIdentifier,
  sameFileFunction,
  shortText,
  unwrap,
  walk,
  type FunctionNode,
} from '../util/ast.js';
import type { Handler } from './handlers.js';
import { moduleOfLocals } from './imports.js';
import { isLogCall, isTelemetryCall } from './logging.js';
import { RESPONSE_METHODS } from './responses.js';
import type { CoreSettings } from './settings.js';
import type { ValidatorCatalogue } from './validators.js';
import { EVENT_FIELD_TRUST, ROUTING_HEADERS, SERVER_SET_REQUEST_FIELDS, SERVER_SET_UPLOAD_FIELDS, STRING_EVENT_FIELDS, STRING_REQUEST_FIELDS } from '../models/aws-lambda.js';
import { TEXT_CARRYING_FUNCTIONS, TEXT_CARRYING_IMPORTS, TEXT_CARRYING_METHODS } from '../models/js-builtins.js';
import { SANITIZERS } from '../models/sanitizers.js';
import type { SinkKind, Trust } from '../models/types.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Where a value came from: which handler input, read where, and what happened to it on the way. */
export interface InputLabel {
  handler: Handler;
  /** `event.body`, `req.query.id`, `event.Records[].body`: the input path, for messages. */
  path: string;
  /** The path where the input was read (`event.body` for a value later read as `body.name`). */
  sourcePath: string;
  /** The expression that read the input (`event.body`), or the handler's parameter for the input as a whole. */
  source: Node;
  /** The whole input object (`event`, `req`), not yet a part the caller controls: passing it on is plumbing. */
  whole: boolean;
  /** Passed through a schema validator. */
  validated: boolean;
  /** Computed by a call that took input as an argument (`await db.get(event.id)`): user data, but not the input. */
  derived: boolean;
  /** Who controls the value: the HTTP caller, an uploader (S3 keys), the app's own workflow, or the platform. */
  trust: Trust;
  /** Always a string (path parameters, headers): it cannot be an operator object. */
  textOnly: boolean;
  /** Places whose own sanitiser the value went through (`path.basename` for paths, `escapeHtml` for HTML). */
  sanitizedFor: readonly SinkKind[];
}

/** A place where input goes: a call, a constructor, a response, a property of an object, a module-scope slot. */
export interface InputUse {
  label: InputLabel;
  /** The sink node: the call, `new` expression, return statement, or assignment. */
  node: Node;
  /** The input-carrying expression at the sink (the argument, the returned value, the assigned value). */
  value: Node;
  kind: 'call' | 'new' | 'response' | 'module-write';
  /** Human-readable target: `ddb.send()`, `the response`, `module variable cache`. */
  target: string;
}

/** How many distinct input sources one expression tracks; beyond that, more add nothing a user needs. */
const MAX_LABELS_PER_NODE = 8;

/**
 * Fields a Lambda event carries that the platform sets, not the caller; `requestContext` holds authorizer claims,
 * `methodArn`/`routeArn` name the route an authorizer is asked about, `triggerSource` and `userPoolId` come from Cognito.
 */
const TRUSTED_EVENT_FIELDS = new Set([
  'requestContext', 'stageVariables', 'httpMethod', 'resource', 'isBase64Encoded', 'routeKey', 'version',
  'messageId', 'receiptHandle', 'eventSource', 'eventSourceARN', 'awsRegion', 'md5OfBody', 'md5OfMessageAttributes',
  'attributes', 'eventName', 'eventID', 'eventVersion', 'eventTime', 'eventSubscriptionArn', 'EventSource',
  'EventVersion', 'EventSubscriptionArn', 'MessageId', 'TopicArn', 'Timestamp', 'SignatureVersion', 'Signature',
  'SigningCertUrl', 'SigningCertURL', 'UnsubscribeUrl', 'UnsubscribeURL', 'Type', 'sequenceNumber',
  'approximateArrivalTimestamp', 'kinesisSchemaVersion', 'account', 'region', 'time', 'detail-type', 'resources',
  'userIdentity', 'responseElements', 'requestParameters', 'bucket', 'ApproximateCreationDateTime', 'SizeBytes',
  'StreamViewType', 'SequenceNumber', 'length', 'methodArn', 'routeArn', 'triggerSource', 'userPoolId', 'callerContext',
]);

/** Parts of a Lambda event that only wrap records: `event.Records[i].Sns.Message` is where the data is. */
const EVENT_ENVELOPES = new Set(['Records', 'Sns', 's3', 'object', 'dynamodb', 'kinesis']);

/** Array methods whose result holds (some of) the receiver's elements. */
const ELEMENT_RESULTS = new Set(['filter', 'find', 'findLast', 'sort', 'slice', 'reverse', 'at', 'flat']);

/** What a Koa context exposes of the request directly (`ctx.body` is the response). */
const CONTEXT_FIELDS = new Set(['query', 'params', 'headers', 'header', 'cookies', 'querystring', 'href', 'url', 'path', 'host', 'hostname', 'ip', 'get']);

/** Properties of an HTTP request that the caller controls. */
const REQUEST_FIELDS = new Set([
  'body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'url', 'originalUrl', 'path', 'hostname',
  'files', 'file', 'rawBody', 'nextUrl', 'searchParams', 'rawHeaders', 'json', 'text', 'formData', 'arrayBuffer',
  'blob', 'get', 'header', 'param', 'user', 'parseBody', 'queries', 'valid', 'data',
]);

/** How much the caller controls a request part, and whether it is always text. */
function requestTrust(segment: string): { trust: Trust; textOnly: boolean } {
  return { trust: SERVER_SET_REQUEST_FIELDS.has(segment) ? 'platform' : 'caller', textOnly: STRING_REQUEST_FIELDS.has(segment) };
}

/** Calls whose result carries their argument unchanged in substance: parsing and decoding are not validation. */
const TRANSPARENT_FUNCTIONS = new Set([
  'JSON.parse', 'JSON.stringify', 'Buffer.from', 'decodeURIComponent', 'decodeURI', 'unescape', 'atob', 'String',
  'structuredClone', 'Object.assign', 'Object.values', 'Object.entries', 'Object.keys', 'Object.fromEntries',
  'Array.from', 'Array.of', 'Promise.all', 'Promise.allSettled', 'Promise.resolve', 'querystring.parse', 'qs.parse',
  'Buffer.concat',
]);
const TRANSPARENT_CONSTRUCTORS = new Set(['URLSearchParams', 'URL', 'Buffer']);

/** Calls whose result is a number, a boolean or an encoded string: the input's text cannot get through. */
const COERCIONS = new Set([
  'Number', 'parseInt', 'parseFloat', 'Boolean', 'isNaN', 'Number.isNaN', 'Number.isInteger', 'Number.parseInt',
  'Number.parseFloat', 'Number.isFinite', 'Array.isArray', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa',
  'Math.min', 'Math.max', 'Math.abs', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Date.parse',
  'Object.hasOwn', 'Reflect.has', 'crypto.createHash', 'createHash', 'Buffer.isBuffer', 'Buffer.byteLength',
  'Number.isSafeInteger', 'isFinite', 'typeof',
]);

/** Methods that only inspect a value: their result says something about the input but carries none of it. */
const INSPECTING_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'has', 'test', 'localeCompare', 'hasOwnProperty',
  'every', 'some', 'findIndex', 'isArray', 'equals', 'search',
]);

/** Array methods whose callback receives the elements. */
const ELEMENT_CALLBACKS = new Set([
  'map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'reduce', 'reduceRight', 'sort',
]);

/** Methods that put a value into a collection. */
const COLLECTION_WRITES = new Set(['push', 'unshift', 'set', 'add', 'splice', 'fill', 'concat']);


/**
 * Follows every handler's input through the file: variables, destructuring, property reads, template literals and
 * concatenation, parsing, awaits, array callbacks, and same-file functions (arguments into parameters, results
 * back to callers). Path-insensitive; each node and variable is (re)visited only when its label gets worse
 * (validated → unvalidated, derived → direct), so the cost stays linear in the file's size.
 */
export class InputFlow {
  private readonly labels = new Map<Node, InputLabel[]>();
  readonly uses: InputUse[] = [];
  private readonly variableLabels = new Map<Variable, InputLabel[]>();
  private readonly worklist: Array<[Node, InputLabel]> = [];
  private readonly handlerOf = new Map<FunctionNode, Handler>();
  private readonly trusted: Set<string>;
  private readonly guards = new Map<string, Array<[number, number]>>();
  private readonly useKeys = new Set<string>();
  private readonly locals: Map<string, string>;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly handlers: Handler[],
    private readonly validators: ValidatorCatalogue,
    settings: CoreSettings,
  ) {
    this.trusted = new Set([...TRUSTED_EVENT_FIELDS, ...settings.trustedInputPaths]);
    this.locals = moduleOfLocals(sourceCode);
    for (const handler of handlers) this.handlerOf.set(handler.fn, handler);
  }

  run(): this {
    for (const handler of this.handlers) {
      if (!handler.input) continue;
      const root = handler.input.type === AST_NODE_TYPES.AssignmentPattern ? handler.input.left : handler.input;
      const name = root.type === AST_NODE_TYPES.Identifier ? root.name : handler.inputKind === 'event' ? 'event' : 'req';
      const label: InputLabel = {
        handler,
        path: name,
        sourcePath: name,
        source: root,
        whole: true,
        validated: handler.validatedBy !== null,
        derived: false,
        trust: handler.inputKind === 'message' ? 'internal' : 'caller',
        textOnly: false,
        sanitizedFor: [],
      };
      this.bindPattern(root, label, handler.fn);
    }
    while (this.worklist.length > 0) {
      const [node, label] = this.worklist.pop()!;
      this.step(node, label);
    }
    return this;
  }

  /** The most dangerous input an expression carries (unvalidated before validated, direct before derived), if any. */
  labelOf(node: Node): InputLabel | undefined {
    const labels = this.labels.get(unwrap(node)) ?? this.labels.get(node);
    if (!labels) return undefined;
    return labels.reduce((a, b) => (worse(b, a) ? b : a));
  }

  /** Every input an expression carries, one label per source. */
  labelsAt(node: Node): readonly InputLabel[] {
    return this.labels.get(node) ?? this.labels.get(unwrap(node)) ?? [];
  }

  // ---- marking --------------------------------------------------------------------------------------------------

  /**
   * Adds `label` to what `node` carries; false when nothing new. Labels are kept per source, so two inputs that
   * meet in one expression are each reported; a bounded number per node keeps the cost linear.
   */
  private addLabel<K>(map: Map<K, InputLabel[]>, key: K, label: InputLabel): boolean {
    let labels = map.get(key);
    if (!labels) map.set(key, (labels = []));
    const index = labels.findIndex((l) => l.source === label.source);
    if (index >= 0) {
      if (!worse(label, labels[index]!)) return false;
      labels[index] = label;
      return true;
    }
    if (labels.length >= MAX_LABELS_PER_NODE) return false;
    labels.push(label);
    return true;
  }

  private mark(node: Node, label: InputLabel): void {
    if (this.addLabel(this.labels, node, label)) this.worklist.push([node, label]);
  }

  private markVariable(variable: Variable, label: InputLabel): void {
    if (!this.addLabel(this.variableLabels, variable, label)) return;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const id = reference.identifier;
      this.mark(id, this.isGuarded(id) ? { ...label, validated: true } : label);
    }
  }

  /** A read of input: a new source when it selects a caller-controlled part of a whole input. */
  private extend(label: InputLabel, node: Node, rawSegment: string | null): InputLabel | null {
    const segment = rawSegment !== null && /^\d+$/.test(rawSegment) ? null : rawSegment;
    const kind = label.handler.inputKind;
    if (segment !== null && kind === 'event' && this.trusted.has(segment)) return null;
    if (label.whole && kind === 'request' && segment !== null && !REQUEST_FIELDS.has(segment)) return null;
    const path = segment === null ? `${label.path}[]` : `${label.path}.${segment}`;
    // `req.file.path`: where multer stored the upload, not a name the caller sent (`req.body.file.path` is).
    if (kind !== 'event' && segment !== null && SERVER_SET_UPLOAD_FIELDS.has(segment) && /^\w+(\.request)?\.(file|files(\.\w+)?(\[\])?)$/.test(label.path)) {
      return { ...label, path, trust: 'platform' };
    }
    if (!label.whole) return { ...label, path };
    if (kind === 'context') {
      // Koa `ctx` / Hono `c`: `ctx.request` and `c.req` are the request; `ctx.query`, `ctx.params`… read it.
      const onContext = !label.path.includes('.');
      if (onContext && (segment === 'request' || segment === 'req')) return { ...label, path, sourcePath: path };
      const fields = onContext ? CONTEXT_FIELDS : REQUEST_FIELDS;
      if (segment === null || !fields.has(segment)) return null;
      return { ...label, path, sourcePath: path, source: node, whole: false, ...requestTrust(segment) };
    }
    if (kind !== 'event') {
      return { ...label, path, sourcePath: path, source: node, whole: false, ...(kind === 'request' && segment ? requestTrust(segment) : {}) };
    }
    // A batch of records and each record are envelopes; the caller's data is inside them.
    const envelope = segment === null ? label.path.endsWith('.Records') : EVENT_ENVELOPES.has(segment);
    const atRoot = !label.path.includes('.') && !label.path.includes('[');
    let trust = label.trust;
    if (atRoot) trust = (segment !== null && Object.hasOwn(EVENT_FIELD_TRUST, segment) ? EVENT_FIELD_TRUST[segment] : undefined) ?? 'internal';
    // An S3 notification's object key is a name an uploader chose.
    else if (segment === 'key' && label.path.endsWith('.s3.object')) trust = 'uploader';
    const textOnly = atRoot && segment !== null && STRING_EVENT_FIELDS.has(segment);
    return { ...label, path, sourcePath: path, source: node, whole: envelope, trust, textOnly };
  }

  private recordUse(label: InputLabel, node: Node, value: Node, kind: InputUse['kind'], target: string): void {
    const key = `${node.range[0]}:${value.range[0]}:${kind}:${label.source.range[0]}:${label.validated}:${label.derived}`;
    if (this.useKeys.has(key)) return;
    this.useKeys.add(key);
    this.uses.push({ label, node, value, kind, target });
  }

  // ---- binding --------------------------------------------------------------------------------------------------

  /** Binds the names a pattern declares (`{ body }`, `[first]`, `event`) to the parts of `label`'s value. */
  private bindPattern(pattern: Node, label: InputLabel, scopeNode: Node): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.declaredVariable(pattern, scopeNode);
        if (variable) this.markVariable(variable, label);
        return;
      }
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) {
            this.bindPattern(property.argument, label, scopeNode);
          } else {
            const part = this.extend(label, property, keyName(property));
            if (part) this.bindPattern(property.value, part, scopeNode);
          }
        }
        return;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of pattern.elements) {
          if (!element) continue;
          const part = this.extend(label, element, null);
          if (part) this.bindPattern(element.type === AST_NODE_TYPES.RestElement ? element.argument : element, part, scopeNode);
        }
        return;
      case AST_NODE_TYPES.AssignmentPattern:
        this.bindPattern(pattern.left, label, scopeNode);
        return;
      case AST_NODE_TYPES.RestElement:
        this.bindPattern(pattern.argument, label, scopeNode);
        return;
      case AST_NODE_TYPES.TSParameterProperty:
        this.bindPattern(pattern.parameter, label, scopeNode);
        return;
      case AST_NODE_TYPES.MemberExpression:
        this.writeToMember(pattern, label, pattern);
        return;
      default:
        return;
    }
  }

  private declaredVariable(identifier: TSESTree.Identifier, scopeNode: Node): Variable | null {
    for (const variable of this.sourceCode.scopeManager!.getDeclaredVariables(scopeNode)) {
      if (variable.identifiers.includes(identifier)) return variable;
    }
    return resolveVariable(this.sourceCode, identifier);
  }

  // ---- one step of propagation ------------------------------------------------------------------------------------

  private step(node: Node, label: InputLabel): void {
    const parent = node.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ArrayExpression:
        this.mark(parent, label);
        return;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        if (parent.quasi === node) this.recordUse(label, parent, node, 'call', `${shortText(this.sourceCode, parent.tag)}\`…\``);
        return;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) === node) this.mark(parent, label);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        this.mark(parent, label);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== node) this.mark(parent, label);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        // Concatenation carries the text; comparisons, `in` and arithmetic only look at it.
        if (parent.operator === '+') this.mark(parent, label);
        return;
      case AST_NODE_TYPES.ObjectExpression:
        // `{ ...input }`
        this.mark(parent, label);
        return;
      case AST_NODE_TYPES.Property:
        if (parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) this.mark(parent.parent, label);
        else if (parent.value === node) this.bindPattern(parent.value, label, parent); // pattern default
        return;
      case AST_NODE_TYPES.MemberExpression:
        this.stepMember(parent, node, label);
        return;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee !== node) this.stepArgument(parent, node, label);
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === node) this.bindPattern(parent.id, label, parent);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === node) {
          this.assign(parent, label);
          this.mark(parent, label);
        }
        return;
      case AST_NODE_TYPES.ForOfStatement:
        if (parent.right === node) {
          const element = this.extend(label, parent.left, null);
          if (element) this.bindLoopTarget(parent.left, element, parent);
        }
        return;
      case AST_NODE_TYPES.ForInStatement:
        if (parent.right === node) this.bindLoopTarget(parent.left, label, parent);
        return;
      case AST_NODE_TYPES.ReturnStatement:
        this.returned(node, label, enclosingFunction(parent));
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body === node) this.returned(node, label, parent);
        return;
      case AST_NODE_TYPES.JSXExpressionContainer:
        this.recordUse(label, parent, node, 'response', 'rendered markup');
        return;
      default:
        return;
    }
  }

  private bindLoopTarget(left: Node, label: InputLabel, loop: Node): void {
    if (left.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of left.declarations) this.bindPattern(declarator.id, label, declarator);
    } else {
      this.bindPattern(left, label, loop);
    }
  }

  private stepMember(member: TSESTree.MemberExpression, node: Node, label: InputLabel): void {
    if (member.object !== node) {
      // A computed key from input: `cache[event.id] = …` writes user-chosen keys.
      if (member.computed && member.property === node) {
        const assignment = member.parent;
        if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member) {
          this.writeToMember(member, label, node);
        }
      }
      return;
    }
    const name = propertyName(member);
    const call = member.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
      this.stepMethodCall(call, name, label);
      return;
    }
    if (!label.whole && name === 'length') return;
    if (name && ROUTING_HEADERS.has(name) && label.path.endsWith('.headers')) return;
    const part = this.extend(label, member, name);
    if (part) this.mark(member, !part.validated && this.isGuarded(member) ? { ...part, validated: true } : part);
  }

  private stepMethodCall(call: TSESTree.CallExpression, method: string | null, label: InputLabel): void {
    if (method && INSPECTING_METHODS.has(method)) return;
    // `req.get('host')`, `request.headers.get('host')`: the name this server was reached by.
    const [first] = call.arguments;
    if ((method === 'get' || method === 'header') && first?.type === AST_NODE_TYPES.Literal && ROUTING_HEADERS.has(String(first.value))) return;
    if (label.whole && method === 'valid') {
      // Hono `c.req.valid('json')`: what the route's validator middleware checked.
      this.mark(call, { ...label, whole: false, validated: true, source: call, sourcePath: `${label.path}.valid()` });
      return;
    }
    if (label.whole && label.handler.inputKind !== 'event') {
      // `request.json()`, `req.get('x')`, `request.query.get('id')`: reading the caller's data through a method.
      const part = this.extend(label, call, method);
      if (part) this.mark(call, { ...part, path: `${part.path}()`, sourcePath: `${part.sourcePath}()` });
      return;
    }
    const madeSafeFor = method === 'replace' || method === 'replaceAll' ? replacementSanitises(call) : isLastPathSegment(call) ? (['path'] as SinkKind[]) : [];
    if (madeSafeFor.length > 0 && !label.whole) {
      this.mark(call, { ...label, sanitizedFor: [...new Set([...label.sanitizedFor, ...madeSafeFor])] });
      return;
    }
    if (method && ELEMENT_CALLBACKS.has(method)) {
      const element = { ...label, path: `${label.path}[]` };
      const callbackIndex = method === 'reduce' || method === 'reduceRight' ? 1 : 0;
      for (const argument of call.arguments) {
        const fn = unwrap(argument);
        if (isFunctionNode(fn)) {
          const param = fn.params[callbackIndex];
          if (param) this.bindPattern(param, element, fn);
        }
      }
      // `map`/`reduce` results carry what the callback returns (see `returned`); `filter`/`find` the elements.
      if (ELEMENT_RESULTS.has(method)) this.mark(call, label);
      return;
    }
    if (method && ELEMENT_RESULTS.has(method)) {
      this.mark(call, label);
      return;
    }
    if (label.whole) return;
    this.mark(call, label);
  }

  private stepArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node, label: InputLabel): void {
    const callee = unwrap(call.callee);
    const name = calleeText(this.sourceCode, callee);
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);

    if (this.validators.isValidatorCall(call) || (call.type === AST_NODE_TYPES.CallExpression && this.validators.isGuardCall(call))) {
      this.mark(call, { ...label, validated: true });
      return;
    }
    // Logging is the sensitive-logging rule's business, not a use of input.
    if (COERCIONS.has(name) || (call.type === AST_NODE_TYPES.CallExpression && (isLogCall(call) || isTelemetryCall(call)))) return;
    // `allowed.includes(input)`, `set.has(input)`, `re.test(input)`: looking the input up is a comparison.
    const method = calleeName(callee);
    if (method && INSPECTING_METHODS.has(method) && callee.type === AST_NODE_TYPES.MemberExpression) return;
    if (call.type === AST_NODE_TYPES.CallExpression && this.moduleCollectionWrite(call, argument, label)) return;
    if (call.type === AST_NODE_TYPES.NewExpression) {
      const constructorName = calleeName(callee) ?? '';
      if (/Error$/.test(constructorName)) return;
      if (TRANSPARENT_CONSTRUCTORS.has(constructorName)) {
        this.mark(call, label);
        return;
      }
    } else if (TRANSPARENT_FUNCTIONS.has(name) || TEXT_CARRYING_FUNCTIONS.has(name) || this.isTextCarryingImport(callee) || (method !== null && TEXT_CARRYING_METHODS.has(method))) {
      this.mark(call, label);
      return;
    } else {
      const kinds = this.sanitizedKinds(callee);
      if (kinds) {
        this.mark(call, { ...label, sanitizedFor: [...new Set([...label.sanitizedFor, ...kinds])] });
        return;
      }
    }

    const local = call.type === AST_NODE_TYPES.CallExpression ? this.localFunction(callee) : null;
    if (local) {
      const param = local.params[index];
      if (param && index >= 0) this.bindPattern(param, label, local);
      return;
    }
    if (label.whole && !label.derived) {
      // Handing the whole event or request on (`serverless(app)(event, ctx)`, `processPartialResponse(event, …)`)
      // is plumbing, not a use of what the caller sent.
      this.mark(call, { ...label, derived: true });
      return;
    }
    const isNew = call.type === AST_NODE_TYPES.NewExpression;
    const kind = this.isResponseCall(call, callee) ? 'response' : isNew ? 'new' : 'call';
    this.recordUse(label, call, argument, kind, `${isNew ? 'new ' : ''}${name || calleeName(callee) || 'a call'}()`);
    // What a call computes from user data is user data too (`const user = await db.get(event.id)`).
    this.mark(call, { ...label, derived: true, whole: false });
  }

  /** `join(dir, name)` with `join` from `path`, `p.resolve(…)` with `p` the `path` module: see `TEXT_CARRYING_IMPORTS`. */
  private isTextCarryingImport(callee: Node): boolean {
    const root = rootIdentifier(callee);
    const name = calleeName(callee);
    const module = root && this.locals.get(root.name)?.replace(/^node:/, '');
    return !!module && !!name && !!TEXT_CARRYING_IMPORTS[module]?.has(name);
  }

  /** The places a sanitiser call makes its argument safe for (`path.basename` → paths), if it is one. */
  private sanitizedKinds(callee: Node): SinkKind[] | null {
    const text = calleeText(this.sourceCode, callee);
    const method = calleeName(callee);
    const root = rootIdentifier(callee);
    const module = root ? this.locals.get(root.name) : undefined;
    for (const entry of SANITIZERS) {
      if (entry.module) {
        if (module !== entry.module || (entry.callee && entry.callee !== method)) continue;
      } else if (entry.callee) {
        if (entry.callee !== text) continue;
      } else if (entry.method !== method || callee.type !== AST_NODE_TYPES.MemberExpression) {
        continue;
      }
      return entry.kinds;
    }
    return null;
  }

  /** `res.send(x)`, `callback(null, x)`, `context.succeed(x)`: the argument goes back to the caller. */
  private isResponseCall(call: TSESTree.CallExpression | TSESTree.NewExpression, callee: Node): boolean {
    if (call.type === AST_NODE_TYPES.NewExpression) return calleeName(callee) === 'Response';
    const root = rootIdentifier(callee);
    if (!root) return false;
    const variable = resolveVariable(this.sourceCode, root);
    const def = variable?.defs[0];
    if (def?.type !== 'Parameter') return false;
    const handler = this.handlerOf.get(def.node as FunctionNode);
    if (!handler) return false;
    const param = def.name;
    if (handler.callback && isSameParam(handler.callback, param)) return true;
    if (handler.response && isSameParam(handler.response, param)) {
      const method = calleeName(callee);
      return !!method && RESPONSE_METHODS.has(method);
    }
    if (handler.context && isSameParam(handler.context, param)) {
      const method = calleeName(callee);
      return method === 'succeed' || method === 'done' || method === 'fail';
    }
    return false;
  }

  /** `list.push(x)`, `cache.set(k, x)`, `Object.assign(state, x)` on module-level collections. */
  private moduleCollectionWrite(call: TSESTree.CallExpression, argument: Node, label: InputLabel): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = propertyName(callee);
    let target: Node | null = null;
    if (method && COLLECTION_WRITES.has(method) && method !== 'concat') target = callee.object;
    else if (calleeText(this.sourceCode, callee) === 'Object.assign' && call.arguments[0] !== argument) {
      target = call.arguments[0] ?? null;
    }
    if (!target) return false;
    const slot = this.moduleSlot(target);
    if (!slot) return false;
    this.recordUse(label, call, argument, 'module-write', slot);
    return true;
  }

  private assign(assignment: TSESTree.AssignmentExpression, label: InputLabel): void {
    const left = assignment.left;
    if (left.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(this.sourceCode, left);
      if (variable && isModuleScoped(variable) && enclosingFunction(assignment)) {
        this.recordUse(label, assignment, assignment.right, 'module-write', `module variable \`${left.name}\``);
      }
      if (variable) this.markVariable(variable, label);
      return;
    }
    if (left.type === AST_NODE_TYPES.MemberExpression) {
      this.writeToMember(left, label, assignment.right);
      return;
    }
    this.bindPattern(left, label, assignment);
  }

  /** `obj.x = input`: the object now holds input; a module-level object or the environment keeps it. */
  private writeToMember(member: TSESTree.MemberExpression, label: InputLabel, value: Node): void {
    const slot = this.moduleSlot(member.object);
    const statement = member.parent?.type === AST_NODE_TYPES.AssignmentExpression ? member.parent : member;
    if (slot && enclosingFunction(member)) {
      this.recordUse(label, statement, value, 'module-write', slot);
      return;
    }
    const root = rootIdentifier(member.object);
    const variable = root && resolveVariable(this.sourceCode, root);
    if (variable && variable.defs.length > 0) this.markVariable(variable, { ...label, whole: false });
  }

  /** A description of the module-level place `target` names, or null for local objects. */
  private moduleSlot(target: Node): string | null {
    const value = unwrap(target);
    const root = rootIdentifier(value);
    if (!root) return null;
    // `admin.database().ref(path).set(x)`, `db.collection('c').add(x)`: a call's result is a client or a reference
    // to stored data, and writing there persists the value; it does not keep it in this container.
    if (hasCall(value)) return null;
    // `process.env.X = v` (the slot is `process.env`) and `process.env.X.y = v`.
    if (value.type === AST_NODE_TYPES.MemberExpression && root.name === 'process' && (propertyName(value) === 'env' || processEnvRead(value))) {
      return '`process.env`';
    }
    const variable = resolveVariable(this.sourceCode, root);
    if (!variable || variable.defs.length === 0) {
      return root.name === 'globalThis' || root.name === 'global' ? `\`${root.name}\`` : null;
    }
    if (!isModuleScoped(variable)) return null;
    const def = variable.defs[0]!;
    // Imports and functions are not data slots; classes and their static fields are.
    if (def.type === 'ImportBinding' || def.type === 'FunctionName') return null;
    return `module-level \`${shortText(this.sourceCode, value)}\``;
  }

  /** The same-file function a callee names: a declaration, a `const f = () => …`, or `this.method` in a class. */
  private localFunction(callee: Node): FunctionNode | null {
    if (callee.type === AST_NODE_TYPES.Identifier) return sameFileFunction(this.sourceCode, callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = propertyName(callee);
      for (let current: Node | undefined = callee.parent; current; current = current.parent) {
        if (current.type === AST_NODE_TYPES.ClassBody) {
          for (const member of current.body) {
            if (member.type === AST_NODE_TYPES.MethodDefinition && keyName(member) === name && member.value.type === AST_NODE_TYPES.FunctionExpression) {
              return member.value;
            }
          }
          return null;
        }
      }
    }
    return null;
  }

  /** A value returned from a handler is its response; from a same-file helper, it flows back to the callers. */
  private returned(value: Node, label: InputLabel, fn: FunctionNode | null): void {
    if (!fn) return;
    const handler = this.handlerOf.get(fn);
    if (handler) {
      if (!label.whole) this.recordUse(label, fn, value, 'response', 'the response');
      return;
    }
    for (const call of this.callSitesOf(fn)) this.mark(call, label);
  }

  private callSitesOf(fn: FunctionNode): Node[] {
    let variable: Variable | null = null;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) variable = this.declaredVariable(fn.id, fn);
    else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
      variable = this.declaredVariable(fn.parent.id, fn.parent);
    } else if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
      return this.methodCallSites(fn.parent);
    } else if (fn.parent?.type === AST_NODE_TYPES.CallExpression) {
      // A callback (`records.map(r => …)`) returns into the call that received it.
      return [fn.parent];
    }
    if (!variable) return [];
    const calls: Node[] = [];
    for (const reference of variable.references) {
      const id = reference.identifier;
      if (id.parent?.type === AST_NODE_TYPES.CallExpression && id.parent.callee === id) calls.push(id.parent);
    }
    return calls;
  }

  private methodCallSites(method: TSESTree.MethodDefinition): Node[] {
    const name = keyName(method);
    const calls: Node[] = [];
    walk(method.parent, this.sourceCode.visitorKeys, (node) => {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.object.type === AST_NODE_TYPES.ThisExpression &&
        propertyName(node.callee) === name
      ) {
        calls.push(node);
      }
    });
    return calls;
  }

  // ---- guards ---------------------------------------------------------------------------------------------------

  /**
   * `if (!check(x)) return …;` or `assert(x, S);` validates `x` for the statements after it in the same block, and
   * `if (check(x)) { … }` inside the block it guards. Keyed by the checked expression's text.
   */
  private isGuarded(read: Node): boolean {
    const text = this.sourceCode.getText(read);
    const regions = this.guardRegions(text);
    return regions.some(([start, end]) => read.range[0] >= start && read.range[1] <= end);
  }

  private guardRegions(text: string): Array<[number, number]> {
    const cached = this.guards.get(text);
    if (cached) return cached;
    const regions: Array<[number, number]> = [];
    this.guards.set(text, regions);
    for (const check of this.guardChecks()) {
      if (check.checked.some((node) => this.sourceCode.getText(unwrap(node)) === text)) regions.push(check.region);
    }
    return regions;
  }

  private guardChecksCache: Array<{ checked: Node[]; region: [number, number] }> | null = null;

  /**
   * Rejecting guards: `if (!isValid(x)) return …`, `if (typeof x !== 'string') throw …`, `if (!/^\w+$/.test(x))
   * return res.status(400)…`, `if (!ALLOWED.includes(x)) return …`, `if (x !== 'a' && x !== 'b') return …` cover
   * what follows them in the block; the same checks without an exit cover the block they guard. A bare presence
   * check (`if (!x) return`) checks nothing about the value.
   */
  private guardChecks(): Array<{ checked: Node[]; region: [number, number] }> {
    if (this.guardChecksCache) return this.guardChecksCache;
    const checks: Array<{ checked: Node[]; region: [number, number] }> = [];
    const afterInBlock = (statement: Node): [number, number] | null => {
      const block = statement.parent;
      if (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program) return null;
      return [statement.range[1], block.range[1]];
    };
    const visit = (node: Node): void => {
      if (node.type === AST_NODE_TYPES.IfStatement) {
        const checked = this.checkedBy(node.test);
        if (checked.length === 0) return;
        const region = exits(node.consequent) ? afterInBlock(node) : ([node.consequent.range[0], node.consequent.range[1]] as [number, number]);
        if (region) checks.push({ checked, region });
      } else if (node.type === AST_NODE_TYPES.ExpressionStatement) {
        const expression = unwrap(node.expression);
        const call = expression.type === AST_NODE_TYPES.AwaitExpression ? unwrap(expression.argument) : expression;
        // `assert(x, S)`, `await schema.validate(x)`: throwing checks cover what follows them.
        if (call.type === AST_NODE_TYPES.CallExpression && this.validators.isValidatorCall(call)) {
          const region = afterInBlock(node);
          if (region) checks.push({ checked: call.arguments, region });
        }
      }
    };
    for (const handler of this.handlers) walk(handler.fn.body, this.sourceCode.visitorKeys, visit);
    this.guardChecksCache = checks;
    return checks;
  }

  /** A `const` holding a resolved path (`const full = path.resolve(ROOT, name)`), or such a call itself. */
  private isResolvedPath(node: Node): boolean {
    let value = unwrap(node);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const def = resolveVariable(this.sourceCode, value)?.defs[0];
      const holder = def?.node;
      if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.parent.kind !== 'const' || holder.id !== def!.name || !holder.init) return false;
      value = unwrap(holder.init);
    }
    if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
    if (value.type !== AST_NODE_TYPES.CallExpression || !PATH_RESOLVERS.has(calleeName(value.callee) ?? '')) return false;
    const root = rootIdentifier(value.callee);
    return !!root && PATH_RESOLVER_MODULES.has(this.locals.get(root.name) ?? '');
  }

  /** The expressions an `if` test checks the value of (not merely the presence of). */
  private checkedBy(test: Node): Node[] {
    const node = unwrap(test);
    switch (node.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === '!' ? this.checkedBy(node.argument) : [];
      case AST_NODE_TYPES.AwaitExpression:
        return this.checkedBy(node.argument);
      case AST_NODE_TYPES.LogicalExpression:
        return [...this.checkedBy(node.left), ...this.checkedBy(node.right)];
      case AST_NODE_TYPES.BinaryExpression: {
        if (!['===', '!==', '==', '!='].includes(node.operator)) return [];
        const sides = [unwrap(node.left), unwrap(node.right)];
        const typeOf = sides.find((side) => side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof');
        if (typeOf) return [(typeOf as TSESTree.UnaryExpression).argument];
        // Equality with a literal leaves one known value.
        const literal = sides.findIndex((side) => side.type === AST_NODE_TYPES.Literal || (side.type === AST_NODE_TYPES.TemplateLiteral && side.expressions.length === 0));
        return literal >= 0 ? [sides[1 - literal]!] : [];
      }
      case AST_NODE_TYPES.CallExpression: {
        if (this.validators.isGuardCall(node)) return node.arguments;
        const callee = unwrap(node.callee);
        const method = calleeName(callee);
        if (!method) return [];
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          // `re.test(x)`, `ALLOWED.includes(x)`, `ids.has(x)`, `validator.isUUID(x)`; `x.match(re)` checks its receiver.
          if (method === 'match') return [callee.object];
          // `if (!full.startsWith(root)) return …` keeps a resolved path inside `root`. Only on a resolved path:
          // raw input passes a prefix test with `uploads/../../etc/passwd`.
          if (method === 'startsWith' && this.isResolvedPath(callee.object)) return [callee.object];
          // `if (name.includes('..')) return …`: a name without `..` cannot climb out of its folder.
          const [needle] = node.arguments;
          if (method === 'includes' && needle?.type === AST_NODE_TYPES.Literal && needle.value === '..') return [callee.object];
          if (/^(test|includes|has|is[A-Z]\w*|matches)$/.test(method)) return node.arguments;
          return [];
        }
        // A same-file predicate: `if (!isSafeName(x)) return …`.
        return sameFileFunction(this.sourceCode, callee) ? node.arguments : [];
      }
      default:
        return [];
    }
  }
}

/** Characters with a meaning in a pattern; an escaping `replace` must put a `\\` before each of them. */
const PATTERN_SYNTAX = '\\^$.*+?()[]{}|';

/**
 * The places a `replace` makes its receiver safe for:
 * - `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`, the usual hand-written escape (MDN's, escape-string-regexp's): patterns.
 * - `s.replace(/[^\w.-]/g, '')`, stripping all but a few characters: patterns when no pattern syntax is kept, paths
 *   when no `/` or `\\` is kept.
 */
function replacementSanitises(call: TSESTree.CallExpression): SinkKind[] {
  const [pattern, replacement] = call.arguments.map((a) => a && unwrap(a));
  if (pattern?.type !== AST_NODE_TYPES.Literal || !('regex' in pattern) || !pattern.regex.flags.includes('g')) return [];
  if (replacement?.type !== AST_NODE_TYPES.Literal) return [];
  const charClass = /^\[(\^?)([^]*)\]$/.exec(pattern.regex.pattern);
  if (!charClass) return [];
  const [, negated, members] = charClass as unknown as [string, string, string];
  if (!negated) return replacement.value === '\\$&' && [...PATTERN_SYNTAX].every((c) => members.includes(c)) ? ['regex'] : [];
  if (replacement.value !== '') return [];
  // What the class keeps, besides letters, digits and `_`; an escape we do not know keeps who knows what.
  const kept = members.replace(/\\[wds]|a-z|A-Z|0-9/g, '');
  if (/\\[^-.\\/ _]/.test(kept) || kept.includes('\\\\')) return [];
  // A range we do not know (`[^ -~]` keeps every printable character).
  if (/.-./.test(kept.replace(/\\-/g, ''))) return [];
  const literal = kept.replace(/\\/g, '');
  const kinds: SinkKind[] = [];
  if (![...literal].some((c) => PATTERN_SYNTAX.includes(c))) kinds.push('regex');
  // Without a separator a name stays in its folder (`..` alone names the folder above, not a file in it).
  if (!literal.includes('/')) kinds.push('path');
  return kinds;
}

/** `key.split('/').pop()`, `….at(-1)`, `key.slice(key.lastIndexOf('/') + 1)`: the base name, written by hand. */
function isLastPathSegment(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  const [index] = call.arguments;
  if ((method === 'slice' || method === 'substring' || method === 'substr') && call.arguments.length === 1 && index?.type === AST_NODE_TYPES.BinaryExpression) {
    const from = unwrap(index.left);
    return (
      index.operator === '+' &&
      isOne(index.right) &&
      from.type === AST_NODE_TYPES.CallExpression &&
      calleeName(from.callee) === 'lastIndexOf' &&
      from.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      from.arguments[0].value === '/'
    );
  }
  const last = method === 'pop' || (method === 'at' && index?.type === AST_NODE_TYPES.UnaryExpression && index.operator === '-' && isOne(index.argument));
  const split = unwrap(callee.object);
  if (!last || split.type !== AST_NODE_TYPES.CallExpression || calleeName(split.callee) !== 'split') return false;
  const [separator] = split.arguments;
  return separator?.type === AST_NODE_TYPES.Literal && separator.value === '/';
}

function isOne(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === 1;
}

/** `path.resolve`/`path.join`/`path.normalize` and `realpath`: their result has no `..` segments left. */
const PATH_RESOLVERS = new Set(['resolve', 'join', 'normalize', 'realpath', 'realpathSync']);
const PATH_RESOLVER_MODULES = new Set(['path', 'node:path', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

/** Whether `a` is a worse (more dangerous) label than `b`: unvalidated beats validated, direct beats derived. */
function worse(a: InputLabel, b: InputLabel): boolean {
  if (a.validated !== b.validated) return !a.validated;
  if (a.derived !== b.derived) return !a.derived;
  return a.whole === false && b.whole === true;
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return !!last && exits(last);
  }
  return false;
}

function isModuleScoped(variable: Variable): boolean {
  const scope = variable.scope;
  return scope.type === 'module' || scope.type === 'global' || (scope.block.type === AST_NODE_TYPES.Program);
}

/** `JSON.parse`, `ddb.send`, `exec`: dotted callee text when it is a plain member chain. */
function calleeText(sourceCode: TSESLint.SourceCode, callee: Node): string {
  // Compiled modules call imports as `(0, module_1.fn)(x)`.
  const target = callee.type === AST_NODE_TYPES.SequenceExpression ? (callee.expressions.at(-1) ?? callee) : callee;
  const text = sourceCode.getText(target);
  return /^[\w$.]+$/.test(text) ? text : '';
}

function isSameParam(param: TSESTree.Parameter, identifier: Node): boolean {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target === identifier;
}

/** Whether a member chain passes through a call (`a.b().c`). */
function hasCall(node: Node): boolean {
  for (let current = unwrap(node); ; ) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) return true;
    if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
    current = unwrap(current.object);
  }
}
