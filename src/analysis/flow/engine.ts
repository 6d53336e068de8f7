import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ROUTING_HEADERS } from '../../models/aws-lambda.js';
import {
  COERCIONS,
  COLLECTION_WRITES,
  ELEMENT_CALLBACKS,
  ELEMENT_RESULTS,
  INSPECTING_METHODS,
  PARSING_IMPORTS,
  TEXT_CARRYING_FUNCTIONS,
  TEXT_CARRYING_IMPORTS,
  TEXT_CARRYING_METHODS,
  TRANSPARENT_CONSTRUCTORS,
  TRANSPARENT_FUNCTIONS,
} from '../../models/js-builtins.js';
import { SANITIZERS } from '../../models/sanitizers.js';
import type { SinkKind } from '../../models/types.js';
import { calleeName, enclosingFunction, isFunctionNode, keyName, processEnvRead, propertyName, resolveVariable, rootIdentifier, shortText, unwrap, type FunctionNode } from '../../util/ast.js';
import type { Handler } from '../handlers.js';
import { callsOf, importedModule } from '../imports.js';
import { isLogCall, isTelemetryCall } from '../logging.js';
import type { CoreSettings, UserSource } from '../settings.js';
import type { ValidatorCatalogue } from '../validators.js';
import { callSitesOf, declaredVariable, localFunction } from './calls.js';
import { GuardIndex } from './guards.js';
import { sanitisingMethodKinds } from './idioms.js';
import { worse, type InputLabel, type InputUse } from './labels.js';
import { readPart, TRUSTED_EVENT_FIELDS } from './sources.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

const MAX_LABELS_PER_NODE = 8;
const NO_CALLS: ReadonlyMap<Node, UserSource> = new Map();

/**
 * Follows every handler's input through the file: variables, destructuring, property reads, template literals and
 * concatenation, parsing, awaits, array callbacks, and same-file functions (arguments into parameters, results
 * back to callers). Path-insensitive; each node and variable is (re)visited only when its label gets worse
 * (validated → unvalidated, derived → direct), so the cost stays linear in the file's size.
 */
/** The platform-set fields plus the user's `trustedInputPaths`, per settings (the same object for every file of a config). */
const trustedFields = new WeakMap<CoreSettings, ReadonlySet<string>>();

export class InputFlow {
  private readonly labels = new Map<Node, InputLabel[]>();
  readonly uses: InputUse[] = [];
  private readonly variableLabels = new Map<Variable, InputLabel[]>();
  private readonly worklist: Array<[Node, InputLabel]> = [];
  private readonly handlerOf = new Map<FunctionNode, Handler>();
  private readonly trusted: ReadonlySet<string>;
  private readonly guardIndex: GuardIndex;
  private readonly userSanitizers: CoreSettings['sanitizers'];
  private readonly userSources: CoreSettings['sources'];
  /** Calls of the user's source functions (`settings['serverless-security'].sources`), found when there are any. */
  private sourceCalls: ReadonlyMap<Node, UserSource> = NO_CALLS;
  private readonly useKeys = new Set<string>();

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly handlers: Handler[],
    private readonly validators: ValidatorCatalogue,
    settings: CoreSettings,
    /** What the handlers send back (the one response model, src/analysis/responses.ts). */
    private readonly responseValues: ReadonlySet<Node> = new Set(),
  ) {
    let trusted = trustedFields.get(settings);
    if (!trusted) trustedFields.set(settings, (trusted = new Set([...TRUSTED_EVENT_FIELDS, ...settings.trustedInputPaths])));
    this.trusted = trusted;
    this.userSanitizers = settings.sanitizers;
    this.userSources = settings.sources;
    for (const handler of handlers) this.handlerOf.set(handler.fn, handler);
    this.guardIndex = new GuardIndex(sourceCode, handlers, validators);
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
    if (this.userSources.length > 0) this.seedUserSources();
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

  // ---- the user's sources ----------------------------------------------------------------------------------------

  /**
   * `const body = parseEvent(event)`, `const q = currentQuery()` with the function named in `sources`: what the call
   * returns is fresh input, in a handler's code — its body, the functions defined in it, and the same-file functions
   * it calls.
   */
  private seedUserSources(): void {
    this.sourceCalls = callsOf(this.sourceCode, this.userSources);
    for (const [call, entry] of this.sourceCalls) {
      const handler = this.handlerReaching(call);
      if (handler) this.mark(call, this.userSourceLabel(call, entry, handler));
    }
  }

  private userSourceLabel(call: Node, entry: UserSource, handler: Handler): InputLabel {
    const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrap(call.callee) : call;
    const path = `${calleeText(this.sourceCode, callee) || entry.path.join('.')}()`;
    return { handler, path, sourcePath: path, source: call, whole: false, validated: false, derived: false, trust: entry.trust, textOnly: false, sanitizedFor: [] };
  }

  /** The handler whose code runs `node`: one it stands in, or one that calls (a caller of…) the function it is in. */
  private handlerReaching(node: Node): Handler | null {
    const seen = new Set<FunctionNode>();
    const pending: Node[] = [node];
    while (pending.length > 0) {
      for (let fn = enclosingFunction(pending.pop()!); fn && !seen.has(fn); fn = enclosingFunction(fn)) {
        seen.add(fn);
        const handler = this.handlerOf.get(fn);
        if (handler) return handler;
        pending.push(...callSitesOf(this.sourceCode, fn));
      }
    }
    return null;
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
      this.mark(id, this.guardIndex.guarded(id, label));
    }
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
        const variable = declaredVariable(this.sourceCode, pattern, scopeNode);
        if (variable) this.markVariable(variable, label);
        return;
      }
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) {
            this.bindPattern(property.argument, label, scopeNode);
          } else {
            const part = readPart(label, property, keyName(property), this.trusted);
            if (part) this.bindPattern(property.value, part, scopeNode);
          }
        }
        return;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of pattern.elements) {
          if (!element) continue;
          const part = readPart(label, element, null, this.trusted);
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
          const element = readPart(label, parent.left, null, this.trusted);
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
    const part = readPart(label, member, name, this.trusted);
    if (!part) return;
    // `request.params.id` under an Azure route `{id:int}`: the platform rejected anything else.
    const constrained = !!name && label.sourcePath.endsWith('.params') && !!label.handler.constrainedParams?.has(name);
    this.mark(member, !part.validated && constrained ? { ...part, validated: true } : this.guardIndex.guarded(member, part));
  }

  private stepMethodCall(call: TSESTree.CallExpression, method: string | null, label: InputLabel): void {
    if (method && INSPECTING_METHODS.has(method)) return;
    // `req.get('host')`, `request.headers.get('host')`: the name this server was reached by. Not a query parameter
    // that happens to be called `host` (`searchParams.get('host')`): that one is the caller's to choose.
    const [first] = call.arguments;
    const readsHeader = label.whole || /\.headers$/.test(label.path);
    if ((method === 'get' || method === 'header') && readsHeader && first?.type === AST_NODE_TYPES.Literal && ROUTING_HEADERS.has(String(first.value))) return;
    if (label.whole && method === 'valid') {
      // Hono `c.req.valid('json')`: what the route's validator middleware checked.
      this.mark(call, { ...label, whole: false, validated: true, source: call, sourcePath: `${label.path}.valid()` });
      return;
    }
    if (label.whole && label.handler.inputKind !== 'event') {
      // `request.json()`, `req.get('x')`, `request.query.get('id')`: reading the caller's data through a method.
      const part = readPart(label, call, method, this.trusted);
      if (part) this.mark(call, { ...part, path: `${part.path}()`, sourcePath: `${part.sourcePath}()` });
      return;
    }
    const madeSafeFor = label.whole ? [] : sanitisingMethodKinds(call, method);
    if (madeSafeFor.length > 0) {
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

    // A source from settings returns fresh input whatever it was given (`parseEvent(event)`).
    const source = this.sourceCalls.get(call);
    if (source) {
      this.mark(call, this.userSourceLabel(call, source, label.handler));
      return;
    }
    // express-validator `matchedData(req)`: the fields whose chains passed.
    const validatedData = label.whole && call.type === AST_NODE_TYPES.CallExpression ? this.guardIndex.validatedData(call, argument, label) : null;
    if (validatedData) {
      this.mark(call, validatedData);
      return;
    }
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

    const local = call.type === AST_NODE_TYPES.CallExpression ? localFunction(this.sourceCode, callee) : null;
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
    const kind = this.responseValues.has(argument) ? 'response' : isNew ? 'new' : 'call';
    this.recordUse(label, call, argument, kind, `${isNew ? 'new ' : ''}${name || calleeName(callee) || 'a call'}()`);
    // What a call computes from user data is user data too (`const user = await db.get(event.id)`).
    this.mark(call, { ...label, derived: true, whole: false });
  }

  /**
   * `join(dir, name)` with `join` from `path`, `p.resolve(…)` with `p` the `path` module, `yaml.parse(text)`: see
   * `TEXT_CARRYING_IMPORTS` and `PARSING_IMPORTS`.
   */
  private isTextCarryingImport(callee: Node): boolean {
    const root = rootIdentifier(callee);
    const name = calleeName(callee);
    const module = root && importedModule(this.sourceCode, root)?.replace(/^node:/, '');
    return !!module && !!name && !!(TEXT_CARRYING_IMPORTS[module]?.has(name) || PARSING_IMPORTS[module]?.has(name));
  }

  /** The places a sanitiser call makes its argument safe for (`path.basename` → paths), if it is one. */
  private sanitizedKinds(callee: Node): SinkKind[] | null {
    const text = calleeText(this.sourceCode, callee);
    const method = calleeName(callee);
    const root = rootIdentifier(callee);
    const module = root ? importedModule(this.sourceCode, root) : null;
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
    // The user's own (`settings['serverless-security'].sanitizers`).
    const kinds = this.userSanitizers
      .filter((entry) => (entry.module ? module === entry.module && method === entry.path.at(-1) : text === entry.path.join('.')))
      .map((entry) => entry.kind);
    return kinds.length > 0 ? kinds : null;
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
    // Koa `ctx.body = x`, Azure `context.res = x`: a response, as the response model says.
    if (this.responseValues.has(value)) {
      if (!label.whole) this.recordUse(label, member.parent ?? member, value, 'response', 'the response');
      return;
    }
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

  /** A value returned from a handler is its response; from a same-file helper, it flows back to the callers. */
  private returned(value: Node, label: InputLabel, fn: FunctionNode | null): void {
    if (!fn) return;
    const handler = this.handlerOf.get(fn);
    if (handler) {
      if (!label.whole) this.recordUse(label, fn, value, 'response', 'the response');
      return;
    }
    for (const call of callSitesOf(this.sourceCode, fn)) this.mark(call, label);
  }


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


/** Whether a member chain passes through a call (`a.b().c`). */
function hasCall(node: Node): boolean {
  for (let current = unwrap(node); ; ) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) return true;
    if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
    current = unwrap(current.object);
  }
}
