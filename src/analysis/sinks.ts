import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { SQL_CLIENT_MODULES } from '../models/databases.js';
import { isImportedSink, SINKS, type ImportedSink, type ShapeSink, type SinkKind, type SinkModel } from '../models/index.js';
import { calleeName, isFunctionNode, keyName, propertyName, propertyValue, resolveVariable, rootIdentifier, shortText, unwrap, valueParent, valueUses, walk } from '../util/ast.js';
import type { Handler } from './handlers.js';
import { CALL, CONSTRUCT, READ, findReferences, importedModules, moduleOfLocals, type ReferenceSpec, type TraceMap } from './imports.js';
import type { ResponseValue } from './responses.js';
import { startsLikeHtml } from './content-type.js';
import { builtString, holdsSqlStatement, looksLikeSql } from './strings.js';
import { inComment, substringCover } from '../util/text.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** A consequential place in the file: the expression whose value decides what the sink does. */
export interface SinkPlace {
  kind: SinkKind;
  /** The dangerous expression (an argument, an option's value, a property's value). */
  node: Node;
  /** The call, `new`, property or response that is the sink; for a function handed on as a value, `node` itself. */
  sink: Node;
  /** `exec()`, `fs.readFile()`, `UpdateExpression`: for messages. */
  target: string;
  entry: SinkModel | null;
}

/** What a shape entry needs before the file is walked for it. */
type Gate = 'always' | 'sql' | 'sql-client' | 'collections' | 'dynamodb' | 'response';

/** Kinds found only where a handler exists are left out of the catalogue before this (`withoutInputOnlyKinds`). */
function gateOf(entry: ShapeSink): Gate {
  if (entry.responseMethod || entry.responseProperty) return 'response';
  if (entry.evidence === 'sql-text') return 'sql';
  if (entry.evidence === 'sql-client') return 'sql-client';
  if (entry.evidence === 'mongo' || entry.evidence === 'document-store') return 'collections';
  if (entry.evidence === 'dynamodb') return 'dynamodb';
  return 'always';
}

interface ShapeIndex {
  entries: ShapeSink[];
  /** Per set of open gates, one pattern for the names those entries need to appear in the file's text. */
  patterns: Map<string, { parts: string[]; exact: RegExp } | null>;
}

const shapeIndexes = new WeakMap<readonly SinkModel[], ShapeIndex>();

function shapeIndex(catalogue: readonly SinkModel[]): ShapeIndex {
  let index = shapeIndexes.get(catalogue);
  if (!index) shapeIndexes.set(catalogue, (index = { entries: catalogue.filter((entry): entry is ShapeSink => !isImportedSink(entry)), patterns: new Map() }));
  return index;
}

/**
 * The entries behind the open gates, and those of their names the file's text holds outside its comments (a name
 * in the documentation does not count; response entries need no name).
 */
function shapesPresent(sourceCode: TSESLint.SourceCode, index: ShapeIndex, open: ReadonlySet<Gate>): { shapes: ShapeSink[]; present: Set<string> } {
  const shapes = index.entries.filter((entry) => open.has(gateOf(entry)));
  const key = [...open].sort().join();
  let pattern = index.patterns.get(key);
  if (pattern === undefined) {
    const names = new Set<string>();
    for (const entry of shapes) for (const name of [entry.method, entry.objectKey]) if (name) names.add(name);
    // Case-sensitive, as names are; the longest first, so no name is cut short by another that starts it.
    const alternatives = [...names].sort((x, y) => y.length - x.length).map((name) => name.replace(/[$]/g, '\\$&')).join('|');
    // `parts` is a few substrings every name holds one of: most files hold none, and a substring search is far
    // cheaper than the pattern.
    pattern = names.size > 0 ? { parts: substringCover([...names]), exact: new RegExp(`(?<![\\w$])(?:${alternatives})(?![\\w$])`, 'g') } : null;
    index.patterns.set(key, pattern);
  }
  const present = new Set<string>();
  const comments = sourceCode.ast.comments ?? [];
  if (pattern && pattern.parts.some((part) => sourceCode.text.includes(part))) {
    for (const match of sourceCode.text.matchAll(pattern.exact)) {
      if (!present.has(match[0]) && !inComment(comments, match.index)) present.add(match[0]);
    }
  }
  return { shapes, present };
}

/** `db.collection('users')`, `mongoose.model('User', …)`: a collection or model is made in the file. */
const COLLECTION_CALL = /\b(?:collection|model)\s*\(/;


const MONGO_MODULES = ['mongodb', 'mongoose'];
const DYNAMODB_MODULES = ['aws-sdk', 'aws-sdk/clients/dynamodb', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'];
const SQL_CLIENTS = new Set(SQL_CLIENT_MODULES.filter((m) => !m.endsWith('*')));
const SQL_CLIENT_SCOPES = SQL_CLIENT_MODULES.filter((m) => m.endsWith('*')).map((m) => m.slice(0, -1));
/** The file imports an SQL driver or query builder (`pg`, `mysql2/promise`, `@databases/pg`). */
const isSqlClientModule = (module: string): boolean => SQL_CLIENTS.has(module) || SQL_CLIENT_SCOPES.some((scope) => module.startsWith(scope));
/** A DynamoDB client by its name (`docClient.query(params)`): its `query` is not SQL. */
const DYNAMO_RECEIVER = /dynamo|ddb|doc(?:ument)?client/i;
/** Built-ins whose methods share a client's name (`Promise.any`, `String.raw`). */
const BUILTIN_RECEIVERS = new Set(['Promise', 'String', 'Object', 'Array', 'Reflect', 'JSON', 'Math']);
const DOCUMENT_STORE_MODULES = ['firebase-admin', 'firebase-admin/firestore', '@google-cloud/firestore', 'firebase-admin/database'];
/** Web response bodies that are JSON, never HTML. */
const NOT_HTML = new Set([AST_NODE_TYPES.ObjectExpression, AST_NODE_TYPES.ArrayExpression]);

const specCache = new Map<readonly SinkModel[], ReferenceSpec<ImportedSink[]>>();

/** The catalogue's import-resolved entries as one tracker spec (built once per catalogue). */
function referenceSpec(entries: readonly SinkModel[]): ReferenceSpec<ImportedSink[]> {
  const cached = specCache.get(entries);
  if (cached) return cached;
  const modules: TraceMap<ImportedSink[]> = {};
  const globals: TraceMap<ImportedSink[]> = {};
  for (const entry of entries) {
    if (!isImportedSink(entry)) continue;
    let map = entry.module ? ((modules[entry.module] ??= {}) as TraceMap<ImportedSink[]>) : globals;
    for (const segment of entry.path) map = (map[segment] ??= {}) as TraceMap<ImportedSink[]>;
    const types = entry.construct === 'both' ? [CALL, CONSTRUCT] : entry.construct ? [CONSTRUCT] : [CALL];
    if (entry.asValue) types.push(READ);
    for (const type of types) ((map[type] as unknown as ImportedSink[] | undefined) ?? (map[type] = [] as never) as unknown as ImportedSink[]).push(entry);
  }
  const spec = { modules, globals };
  specCache.set(entries, spec);
  return spec;
}

/**
 * The arguments at the dangerous positions. A spread covers every position from its index on (`eval(...args)`,
 * `new Function(...parts)`): its elements are what the call receives there.
 */
function positions(call: Call, which: number[] | 'all' | 'last' | undefined): Node[] {
  const args = call.arguments;
  if (which === 'all') return args;
  if (which === 'last') return args.slice(-1);
  const spread = args.findIndex((a) => a.type === AST_NODE_TYPES.SpreadElement);
  const found = new Set<Node>();
  for (const i of which ?? [0]) {
    const argument = spread >= 0 && spread <= i ? args[spread] : args[i];
    if (argument) found.add(argument);
  }
  return [...found];
}

/**
 * A read of a function that hands it on (`fn(eval)`, `[eval][0](x)`): not its call, which is a place of its own, and
 * not a name bound to it (`const run = eval`), whose calls the resolver follows.
 */
function isHandedOn(node: Node): boolean {
  let { parent, child } = valueParent(node);
  // `(0, eval)(x)` is a call of `eval` too.
  if (parent?.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) === child) {
    ({ parent, child } = valueParent(parent));
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child) return false;
  return node.parent?.type !== AST_NODE_TYPES.VariableDeclarator;
}

/** The value at an argument, or at `property` of the object literal there (`axios({ url })`). */
function atPosition(argument: Node, property: string | undefined): Node | null {
  if (!property) return argument;
  return propertyValue(argument, property);
}

/** Finds every consequential place in a file, from the catalogue and the user's entries. */
export function findSinkPlaces(
  sourceCode: TSESLint.SourceCode,
  handlers: readonly Handler[],
  responses: () => readonly ResponseValue[],
  extra: readonly SinkModel[],
): SinkPlace[] {
  const full = extra.length > 0 ? extendedCatalogue(extra) : SINKS;
  // Without a handler no input reaches a place: only the kinds judged without input are looked for.
  const catalogue = handlers.length > 0 ? full : withoutInputOnlyKinds(full);
  const places: SinkPlace[] = [];
  const inputParams = new Set<Node>(handlers.flatMap((h) => (h.input ? [h.input.type === AST_NODE_TYPES.AssignmentPattern ? h.input.left : h.input] : [])));
  // `req.path`, `event.rawPath`: the path the request came in on always starts with `/`.
  const isRequestPath = (piece: Node): boolean => {
    const member = unwrap(piece);
    if (member.type !== AST_NODE_TYPES.MemberExpression || !REQUEST_PATHS.has(propertyName(member) ?? '')) return false;
    const object = unwrap(member.object);
    const def = object.type === AST_NODE_TYPES.Identifier ? resolveVariable(sourceCode, object)?.defs[0] : undefined;
    return def?.type === 'Parameter' && inputParams.has(def.name);
  };
  const seen = new Set<string>();
  const add = (kind: SinkKind, node: Node | null | undefined, sink: Node, target: string, entry: SinkModel | null): void => {
    if (!node) return;
    if (kind === 'url' || kind === 'redirect') {
      // Only what decides where the request or the browser goes: the scheme and host, not a path under a fixed host.
      for (const part of addressParts(sourceCode, node, 0, isRequestPath)) addPlace(kind, part, sink, target, entry);
      return;
    }
    addPlace(kind, node, sink, target, entry);
  };
  const addPlace = (kind: SinkKind, node: Node, sink: Node, target: string, entry: SinkModel | null): void => {
    const key = `${kind}:${node.range[0]}:${node.range[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    places.push({ kind, node, sink, target, entry });
  };

  for (const ref of findReferences(sourceCode, referenceSpec(catalogue))) {
    if (ref.kind === 'read') {
      // Not through `seen`: `setTimeout(eval)` is both the timer's argument and the evaluator handed on.
      if (isHandedOn(ref.node)) for (const entry of ref.info) places.push({ kind: entry.kind, node: ref.node, sink: ref.node, target: shortText(sourceCode, ref.node), entry });
      continue;
    }
    const call = ref.node;
    if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) continue;
    const target = `${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${shortText(sourceCode, call.callee)}()`;
    for (const entry of ref.info) {
      if (entry.instanceMethod) {
        for (const methodCall of instanceCalls(sourceCode, call, entry.instanceMethod)) {
          const name = `${shortText(sourceCode, methodCall.callee)}()`;
          for (const argument of positions(methodCall, entry.arguments)) add(entry.kind, atPosition(argument, entry.property), methodCall, name, entry);
        }
        continue;
      }
      for (const argument of positions(call, entry.arguments)) {
        const value = atPosition(argument, entry.property);
        if (!value) continue;
        if (entry.needsString && !mayBeText(value)) continue;
        if (entry.variant === 'program' && argument !== call.arguments[0] && unwrap(value).type === AST_NODE_TYPES.ArrayExpression && !usesShell(call.arguments)) {
          // Without a shell each argument reaches the program as it is: one under a fixed directory (`/tmp/${name}`,
          // `path.join(dir, name)`) can be no option or coder prefix, only a path; any other can be `--output=…`.
          for (const element of (unwrap(value) as TSESTree.ArrayExpression).elements) {
            if (!element) continue;
            const item = element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
            add(underFixedDirectory(sourceCode, item, 0) ? 'path' : entry.kind, item, call, target, entry);
          }
          continue;
        }
        for (const taken of entry.whole ? takenWhole(sourceCode, value, 0) : [value]) add(entry.kind, taken, call, target, entry);
      }
    }
  }

  const modules = new Set(moduleOfLocals(sourceCode).values());
  const usesMongo = MONGO_MODULES.some((m) => modules.has(m));
  const usesDocumentStore = DOCUMENT_STORE_MODULES.some((m) => modules.has(m));
  const usesDynamo = DYNAMODB_MODULES.some((m) => modules.has(m));
  let usesSqlClient = false;
  for (const module of importedModules(sourceCode)) if (isSqlClientModule(module)) usesSqlClient = true;
  const responseParams = responseParameters(handlers);
  // Most files hold none of the shapes: the gates their evidence needs, then one scan of the file's text for the
  // names of the entries behind the open gates, spare them the walk.
  const collections = usesMongo || usesDocumentStore || ((sourceCode.text.includes('collection') || sourceCode.text.includes('model')) && COLLECTION_CALL.test(sourceCode.text));
  const open = new Set<Gate>(['always']);
  if (responseParams.size > 0) open.add('response');
  if (collections) open.add('collections');
  if (usesDynamo) open.add('dynamodb');
  if (holdsSqlStatement(sourceCode)) open.add('sql');
  if (usesSqlClient) open.add('sql-client');
  const { shapes: candidates, present } = shapesPresent(sourceCode, shapeIndex(catalogue), open);
  const shapes = candidates.filter((entry) => {
    if (entry.responseMethod || entry.responseProperty) return true;
    const name = entry.objectKey ?? entry.method;
    return !!name && present.has(name);
  });
  const byMethod = new Map<string, ShapeSink[]>();
  const byKey = new Map<string, ShapeSink[]>();
  const byResponseMethod = new Map<string, ShapeSink[]>();
  const byResponseProperty = new Map<string, ShapeSink[]>();
  for (const entry of shapes) {
    if (entry.method) (byMethod.get(entry.method) ?? byMethod.set(entry.method, []).get(entry.method)!).push(entry);
    if (entry.objectKey) (byKey.get(entry.objectKey) ?? byKey.set(entry.objectKey, []).get(entry.objectKey)!).push(entry);
    if (entry.responseMethod) (byResponseMethod.get(entry.responseMethod) ?? byResponseMethod.set(entry.responseMethod, []).get(entry.responseMethod)!).push(entry);
    if (entry.responseProperty) (byResponseProperty.get(entry.responseProperty) ?? byResponseProperty.set(entry.responseProperty, []).get(entry.responseProperty)!).push(entry);
  }

  if (shapes.length > 0) walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = propertyName(callee);
      if (!method) return;
      const target = `${shortText(sourceCode, callee)}()`;
      for (const entry of byMethod.get(method) ?? []) {
        if (entry.evidence === 'mongo' && !(usesMongo || isCollectionReceiver(callee.object))) continue;
        if (entry.evidence === 'document-store' && !(usesDocumentStore && isDocumentReceiver(callee.object))) continue;
        if (entry.evidence === 'sql-client' && !isSqlClientReceiver(sourceCode, callee.object, usesDynamo)) continue;
        for (const argument of positions(node, entry.arguments)) {
          const object = unwrap(argument).type === AST_NODE_TYPES.ObjectExpression;
          const value = object && entry.properties ? (entry.properties.map((key) => propertyValue(argument, key)).find((v) => v) ?? null) : argument;
          if (!value) continue;
          if (entry.evidence === 'sql-text') {
            const built = builtString(sourceCode, value);
            if (!built || !looksLikeSql(built.text)) continue;
          }
          if (entry.evidence === 'sql-client') {
            // `const config = { text, values }; pool.query(config)`: the statement is the object's `text`.
            const config = !object && entry.properties ? constObject(sourceCode, value) : null;
            const statement = config ? (entry.properties!.map((key) => propertyValue(config, key)).find((v) => v) ?? null) : value;
            // Only a value taken whole: text built there is judged by how it reads (`sql-text`).
            if (!statement || builtString(sourceCode, statement) || unwrap(statement).type === AST_NODE_TYPES.ObjectExpression) continue;
            add(entry.kind, statement, node, target, entry);
            continue;
          }
          for (const taken of entry.whole ? takenWhole(sourceCode, value, 0) : [value]) add(entry.kind, taken, node, target, entry);
        }
      }
      const responseEntries = byResponseMethod.get(method);
      if (responseEntries && isResponseObject(sourceCode, callee.object, responseParams)) {
        for (const entry of responseEntries) {
          for (const argument of positions(node, entry.arguments)) {
            if (entry.kind === 'html' && !mayBeHtml(argument)) continue;
            // `res.sendFile(name, { root })`, `res.download(name, filename, { root })`: send refuses to leave `root`.
            if (entry.kind === 'path' && node.arguments.slice(1, 3).some((option) => propertyValue(option, 'root'))) continue;
            add(entry.kind, argument, node, target, entry);
          }
        }
      }
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const entries = byResponseProperty.get(propertyName(node.left) ?? '');
      if (!entries || !isResponseObject(sourceCode, node.left.object, responseParams)) return;
      for (const entry of entries) {
        if (entry.kind === 'html' && !(mayBeHtml(node.right) && startsLikeHtml(sourceCode, node.right))) continue;
        add(entry.kind, node.right, node, shortText(sourceCode, node.left), entry);
      }
    } else if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const key = keyName(node);
      if (!key) return;
      for (const entry of byKey.get(key) ?? []) {
        if (entry.callee) {
          const call = node.parent.parent;
          const outer = call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression ? call : passedTo(sourceCode, node.parent);
          if (!outer || !entry.callee.test(calleeName(outer.callee) ?? '')) continue;
        }
        if (entry.kind === 'nosql-expression' && !builtString(sourceCode, node.value)) continue;
        add(entry.kind, node.value, node, key, entry);
      }
    }
  });

  // A Lambda result, or a Fetch `new Response(body, init)`, that answers HTML or redirects.
  for (const response of responses()) {
    let value = unwrap(response.value);
    let body = propertyValue(value, 'body');
    let status = propertyValue(value, 'statusCode');
    const created = value.parent;
    if (response.via === 'Response' && created?.type === AST_NODE_TYPES.NewExpression && created.arguments[0] === response.value) {
      body = response.value;
      value = created.arguments[1] ? unwrap(created.arguments[1]) : created;
      status = propertyValue(value, 'status');
    }
    if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const headers = propertyValue(value, 'headers');
    // `headers: { … }`, `headers: HTML_HEADERS`, `{ headers }`, and what they spread in (`{ ...CORS, 'Content-Type': … }`).
    const header = (name: RegExp, object: Node | null = constObject(sourceCode, headers), depth = 0): Node | null => {
      if (!object || depth > 2) return null;
      for (const property of [...object.type === AST_NODE_TYPES.ObjectExpression ? object.properties : []].reverse()) {
        if (property.type === AST_NODE_TYPES.Property && name.test(keyName(property) ?? '')) return property.value;
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          const spread = header(name, constObject(sourceCode, property.argument), depth + 1);
          if (spread) return spread;
        }
      }
      return null;
    };
    status = constLiteral(sourceCode, status);
    const contentType = header(/^content-type$/i);
    if (contentType && /html/i.test(sourceCode.getText(contentType))) add('html', body, value, 'the HTML response', null);
    if (status?.type === AST_NODE_TYPES.Literal && /^30[12378]$/.test(String(status.value))) add('redirect', header(/^location$/i), value, 'the redirect `Location`', null);
  }
  return places;
}

/** An object literal, written in place or held by a `const` (`const HTML = { 'Content-Type': 'text/html' }`). */
function constObject(sourceCode: TSESLint.SourceCode, node: Node | null | undefined): TSESTree.ObjectExpression | null {
  const value = node && unwrap(node);
  if (!value) return null;
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const def = resolveVariable(sourceCode, value)?.defs[0];
  const holder = def?.node;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id !== def!.name || holder.parent.kind !== 'const' || !holder.init) return null;
  const init = unwrap(holder.init);
  return init.type === AST_NODE_TYPES.ObjectExpression ? init : null;
}

/** A literal, written in place or held by a `const` (`const status = 302`). */
function constLiteral(sourceCode: TSESLint.SourceCode, node: Node | null): Node | null {
  const value = node && unwrap(node);
  if (value?.type !== AST_NODE_TYPES.Identifier) return node;
  const def = resolveVariable(sourceCode, value)?.defs[0];
  const holder = def?.node;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id === def!.name && holder.parent.kind === 'const' && holder.init && unwrap(holder.init).type === AST_NODE_TYPES.Literal) return unwrap(holder.init);
  return node;
}

/** The address the request being handled was sent to (`request.url`, `req.nextUrl.origin`). */
const OWN_ADDRESS = /^[\w$]+\.(?:url|nextUrl(?:\.(?:origin|href))?)$/;

/** Request fields that hold the path the request came in on (always starting with `/`). */
const REQUEST_PATHS = new Set(['path', 'originalUrl', 'url', 'rawPath', 'pathname']);

/** Request options that decide where a request goes (its path, query and body do not). */
const ADDRESS_OPTIONS = new Set(['url', 'uri', 'baseURL', 'baseUrl', 'prefixUrl', 'host', 'hostname', 'protocol', 'origin', 'socketPath', 'href']);

/**
 * A URL's text is settled once it has `scheme://host/`, starts with one `/` and a first path character (a path on
 * this site: a lone `/` still lets `'/' + next` become `//evil.example`), or has a value followed by `/`
 * (`${base}/…`: the base decides the host).
 */
const SETTLED_ADDRESS = /^(?:[a-z][\w+.-]*:\/\/[^/?#]+[/?#]|\/[^/\\]|[?#])|\uE000[/?#]/i;

/**
 * The parts of a URL expression that decide its scheme and host: for `https://api.example.com/items/${id}` none,
 * for `${base}/items` the `base`. Follows a `const` that holds the template.
 */
function addressParts(sourceCode: TSESLint.SourceCode, node: Node, depth: number, isRequestPath: (piece: Node) => boolean): Node[] {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    // Request options (`http.request({ hostname, path })`, `axios.request({ url })`): the keys that say where.
    return value.properties.flatMap((property) => {
      if (property.type === AST_NODE_TYPES.SpreadElement) return [property.argument];
      return ADDRESS_OPTIONS.has(keyName(property) ?? '') ? addressParts(sourceCode, property.value, depth, isRequestPath) : [];
    });
  }
  if (value.type === AST_NODE_TYPES.NewExpression && calleeName(value.callee) === 'URL' && value.arguments.length === 2) {
    // `new URL(input, base)`: an absolute `input` replaces the base; a fixed relative one leaves the base to decide.
    const [relative, base] = value.arguments as Node[];
    const parts = constantText(relative!) === null ? addressParts(sourceCode, relative!, depth, isRequestPath) : [];
    if (parts.length > 0) return parts;
    const head = concatenation(unwrap(relative!))?.[0] ?? relative!;
    // `new URL('/login', request.url)`: the request's own address keeps the browser on this site.
    if (/^[a-z][\w+.-]*:/i.test(constantText(head) ?? '') || OWN_ADDRESS.test(sourceCode.getText(unwrap(base!)))) return [];
    return addressParts(sourceCode, base!, depth, isRequestPath);
  }
  const pieces = concatenation(value);
  if (pieces) {
    const parts: Node[] = [];
    let prefix = '';
    for (const piece of pieces) {
      if (SETTLED_ADDRESS.test(prefix)) break;
      const text = constantText(piece);
      if (text !== null) prefix += text;
      // After a base, the request's own path cannot change the host: `${API}${req.path}`.
      else if ((prefix.endsWith('\uE000') || /^[a-z][\w+.-]*:\/\/[^/?#\\]+$/i.test(prefix)) && isRequestPath(piece)) prefix += '/';
      else {
        parts.push(piece);
        prefix += '\uE000';
      }
    }
    return parts;
  }
  if (value.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const def = resolveVariable(sourceCode, value)?.defs[0];
    const holder = def?.node;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init && holder.parent.kind === 'const' && holder.id === def!.name) {
      const init = unwrap(holder.init);
      if (concatenation(init)) return addressParts(sourceCode, init, depth + 1, isRequestPath);
    }
  }
  return [node];
}

/** The operands of a template literal or a `+` chain, in order; null for anything else. */
function concatenation(node: Node): Node[] | null {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const pieces: Node[] = [];
    node.quasis.forEach((quasi, i) => {
      pieces.push(quasi);
      const expression = node.expressions[i];
      if (expression) pieces.push(expression);
    });
    return pieces;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    return [...(concatenation(unwrap(node.left)) ?? [node.left]), ...(concatenation(unwrap(node.right)) ?? [node.right])];
  }
  return null;
}

function constantText(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.TemplateElement) return node.value.cooked ?? node.value.raw;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return String(value.value);
  return null;
}

/**
 * Kinds whose places are reported only when handler input reaches them (a fetched URL, a file path, a pattern, a
 * response, a stored record, a MongoDB filter); SQL, commands, code, deserialisers and DynamoDB expressions are
 * also judged by how their text is built. Template engines and `require` count only with input too.
 */
const INPUT_ONLY_KINDS = new Set<SinkKind>(['url', 'regex', 'path', 'html', 'redirect', 'record', 'nosql-filter']);
const withoutInputOnly = new WeakMap<readonly SinkModel[], SinkModel[]>();

function withoutInputOnlyKinds(catalogue: readonly SinkModel[]): SinkModel[] {
  let kept = withoutInputOnly.get(catalogue);
  if (!kept) {
    kept = catalogue.filter((entry) => !INPUT_ONLY_KINDS.has(entry.kind) && !('variant' in entry && (entry.variant === 'template' || entry.variant === 'module')));
    withoutInputOnly.set(catalogue, kept);
  }
  return kept;
}

const extendedCache = new Map<string, SinkModel[]>();
function extendedCatalogue(extra: readonly SinkModel[]): SinkModel[] {
  const key = JSON.stringify(extra, (_, v: unknown) => (v instanceof RegExp ? v.source : v));
  let catalogue = extendedCache.get(key);
  if (!catalogue) extendedCache.set(key, (catalogue = [...SINKS, ...extra]));
  return catalogue;
}

/** A value that may be a string at run time: not a function, object or array literal, number or boolean. */
function mayBeText(node: Node): boolean {
  const value = unwrap(node);
  if (isFunctionNode(value) || NOT_HTML.has(value.type)) return false;
  return !(value.type === AST_NODE_TYPES.Literal && typeof value.value !== 'string');
}

/** A response body that may be HTML: text, not an object, array or `JSON.stringify(…)` (JSON answers). */
function mayBeHtml(node: Node): boolean {
  const value = unwrap(node);
  if (!mayBeText(value)) return false;
  return !(value.type === AST_NODE_TYPES.CallExpression && /^(JSON\.stringify|String|Number)$/.test(calleeText(value.callee)));
}

function calleeText(callee: Node): string {
  const value = unwrap(callee);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.Identifier) return `${value.object.name}.${propertyName(value) ?? ''}`;
  return '';
}

/** `{ shell: true }` among a call's arguments: the command line goes through `/bin/sh` after all. */
export function usesShell(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.some((argument) => {
    const value = unwrap(argument);
    return (
      value.type === AST_NODE_TYPES.ObjectExpression &&
      value.properties.some((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'shell' && !(p.value.type === AST_NODE_TYPES.Literal && p.value.value === false))
    );
  });
}

/** Directories a path can start from: `__dirname`, `os.tmpdir()`, `process.cwd()`. */
const BASE_DIRECTORY = /^(?:__dirname|(?:os\.)?tmpdir\(\)|process\.cwd\(\))$/;

/**
 * Whether a value is a path that starts with fixed text, not from a value: `/tmp/${name}`, `'./out/' + name`,
 * `path.join('/tmp', name)`, `join(__dirname, name)`, or a `const` holding one.
 */
function underFixedDirectory(sourceCode: TSESLint.SourceCode, node: Node, depth: number): boolean {
  const value = unwrap(node);
  if (depth > 3) return false;
  const fixedStart = (text: string): boolean => /^(?:\/|\.{1,2}\/|[\w@][\w.@-]*\/)/.test(text);
  const built = builtString(sourceCode, value);
  if (built) return fixedStart(built.text);
  if (value.type === AST_NODE_TYPES.CallExpression && /^(?:path\.)?(?:posix\.)?(?:join|resolve)$/.test(sourceCode.getText(value.callee))) {
    const [first] = value.arguments;
    if (!first) return false;
    const base = unwrap(first);
    if (base.type === AST_NODE_TYPES.Literal && typeof base.value === 'string') return fixedStart(`${base.value.replace(/\/?$/, '/')}`);
    return BASE_DIRECTORY.test(sourceCode.getText(base)) || underFixedDirectory(sourceCode, base, depth + 1);
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    const def = resolveVariable(sourceCode, value)?.defs[0];
    const holder = def?.node;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init && holder.id === def!.name && holder.parent.kind === 'const') {
      return underFixedDirectory(sourceCode, holder.init, depth + 1);
    }
  }
  return false;
}

/**
 * The parts of a value that are taken whole rather than written in the code: a read of something (`req.body.params`,
 * `JSON.parse(event.body)`, a variable holding one), or what an object literal spreads in. An object literal's own
 * properties, and what other calls build, are the code's own request.
 */
function takenWhole(sourceCode: TSESLint.SourceCode, node: Node, depth: number): Node[] {
  const value = unwrap(node);
  if (depth > 3) return [];
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.flatMap((p) => (p.type === AST_NODE_TYPES.SpreadElement ? takenWhole(sourceCode, p.argument, depth + 1) : []));
  }
  if (value.type === AST_NODE_TYPES.MemberExpression) return [node];
  if (value.type === AST_NODE_TYPES.CallExpression) return calleeText(value.callee) === 'JSON.parse' ? [node] : [];
  if (value.type === AST_NODE_TYPES.AwaitExpression) return takenWhole(sourceCode, value.argument, depth + 1).length > 0 ? [node] : [];
  if (value.type !== AST_NODE_TYPES.Identifier) return [];
  // A parameter may hold anything its callers built, object literals included: not known to be whole.
  const def = resolveVariable(sourceCode, value)?.defs[0];
  const holder = def?.node;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || !holder.init) return [];
  // `const { params } = JSON.parse(event.body)`: a part read out of the value.
  if (holder.id.type !== AST_NODE_TYPES.Identifier) return takenWhole(sourceCode, holder.init, depth + 1).length > 0 ? [node] : [];
  const parts = takenWhole(sourceCode, holder.init, depth + 1);
  return unwrap(holder.init).type === AST_NODE_TYPES.ObjectExpression ? parts : parts.length > 0 ? [node] : [];
}

/** Calls of `method` on a created object: `new net.Socket().connect(…)`, or `const s = new net.Socket(); s.connect(…)`. */
function instanceCalls(sourceCode: TSESLint.SourceCode, creation: Call, method: string): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const use of valueUses(sourceCode, creation)) {
    const member = use.parent;
    const call = member?.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === use && propertyName(member) === method && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
      calls.push(call);
    }
  }
  return calls;
}

/** `db.collection('users')`, `User` from `mongoose.model(…)`: the receiver is a MongoDB collection or model. */
function isCollectionReceiver(node: Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.CallExpression && /^(collection|model)$/.test(calleeName(value.callee) ?? '');
}

/**
 * A receiver that may be an SQL client in a file that imports one: not a built-in (`Promise.any`, `String.raw`), nor,
 * where DynamoDB is imported too, a client named for it (its `query` has its own entry).
 */
function isSqlClientReceiver(sourceCode: TSESLint.SourceCode, node: Node, usesDynamo: boolean): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier && BUILTIN_RECEIVERS.has(value.name) && !resolveVariable(sourceCode, value)?.defs.length) return false;
  return !(usesDynamo && DYNAMO_RECEIVER.test(sourceCode.getText(value)));
}

/** Firestore `collection(…)`/`doc(…)` chains and Realtime Database `ref(…)`: where `.set`/`.add` store a record. */
function isDocumentReceiver(node: Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.CallExpression && /^(collection|doc|ref|child|push)$/.test(calleeName(value.callee) ?? '');
}

/** The call an object literal is passed to through a `const params = {…}` (`ddb.put(params)`). */
function passedTo(sourceCode: TSESLint.SourceCode, object: TSESTree.ObjectExpression): Call | null {
  const holder = object.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return null;
  for (const reference of resolveVariable(sourceCode, holder.id)?.references ?? []) {
    const parent = reference.identifier.parent;
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.some((a) => a === reference.identifier)) return parent;
  }
  return null;
}

/** The parameters through which handlers answer: `res`/`reply`, Koa `ctx`, Hono `c`. */
function responseParameters(handlers: readonly Handler[]): Set<Node> {
  const params = new Set<Node>();
  const add = (param: TSESTree.Parameter | null): void => {
    if (!param) return;
    params.add(param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param);
  };
  for (const handler of handlers) {
    add(handler.response);
    if (handler.inputKind === 'context') add(handler.input);
  }
  return params;
}

/** `res`, `res.status(302)`, `ctx`, `c`: an expression that is (or chains from) a handler's response object. */
function isResponseObject(sourceCode: TSESLint.SourceCode, node: Node, params: Set<Node>): boolean {
  if (params.size === 0) return false;
  const root = rootIdentifier(node);
  if (!root) return false;
  const def = resolveVariable(sourceCode, root)?.defs[0];
  return def?.type === 'Parameter' && params.has(def.name);
}

/** A place's target as a message names it: `` `res.redirect()` ``, or prose such as "the `Location` header". */
export function sinkName(place: SinkPlace): string {
  return place.target.startsWith('the ') ? place.target : `\`${place.target}\``;
}
