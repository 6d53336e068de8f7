/**
 * The shape of the models catalogue: what the plugin knows about platforms and libraries, as data. The core
 * matches these entries once per file (src/analysis/sinks.ts); rules take the hits of the kinds they own.
 */

/** The consequential places input can reach. Each kind has exactly one owning rule (see `SINK_OWNERS`). */
export type SinkKind =
  | 'sql'
  | 'nosql-filter'
  | 'nosql-expression'
  | 'command'
  | 'code'
  | 'deserialize'
  | 'path'
  | 'url'
  | 'html'
  | 'redirect'
  | 'regex'
  | 'record';

export const SINK_KINDS: readonly SinkKind[] = [
  'sql', 'nosql-filter', 'nosql-expression', 'command', 'code', 'deserialize', 'path', 'url', 'html', 'redirect', 'regex', 'record',
];

/**
 * A sink found through an import or a global, never by a bare method name: `{ module: 'child_process', path:
 * ['exec'] }` is `exec` from `child_process` however it is imported (`require`, `node:` prefix, destructured,
 * renamed, namespace). Without `module` the path starts at a global (`['eval']`, `['RegExp']`).
 */
export interface ImportedSink {
  kind: SinkKind;
  module?: string;
  path: string[];
  /** `new X(…)` instead of `X(…)`; `'both'` for either. */
  construct?: boolean | 'both';
  /** Which arguments are the dangerous positions (default `[0]`). `'all'` for every argument. */
  arguments?: number[] | 'all';
  /**
   * For the owning rule: how the sink runs its value (`shell` command line, `program` with an argument list, a
   * `template` compiled to code, a `module` loaded by name).
   */
  variant?: 'shell' | 'program' | 'template' | 'module';
  /** The dangerous position is this property of the object passed at the argument (`axios({ url })`). */
  property?: string;
  /** The value must be text built at run time (the sink also takes safe constants and functions). */
  needsString?: boolean;
  /**
   * With `construct`: the sink is this method of the object built (`new net.Socket()`, then `socket.connect(…)`),
   * called on the `new` itself or on the `const` that holds it; the positions are that call's.
   */
  instanceMethod?: string;
  /** Only a value taken whole counts (see `ShapeSink.whole`). */
  whole?: boolean;
  /** The function itself handed on as a value is a place too (`fn(eval)`): whoever receives it runs code with it. */
  asValue?: boolean;
}

/**
 * A sink that has no import to resolve, recognised by shape and evidence instead:
 * - `method` on any receiver, with `evidence` that the call is what it looks like (`'sql-text'`: the text reads as
 *   SQL; `'sql-client'`: the file imports an SQL driver or query builder and the value is taken whole, not built;
 *   `'mongo'`: the file imports a MongoDB client or the receiver is `….collection(…)`/a model; `'dynamodb'`: the file
 *   imports an AWS SDK with DynamoDB).
 * - `responseMethod` on the handler's own response or context (`res.redirect(url)`, `ctx.redirect(url)`).
 * - `responseProperty`: a property of the handler's response or context that is assigned (Koa `ctx.body = …`).
 * - `objectKey`: a property written in an object literal (`UpdateExpression: …`, `Item: …`).
 */
export interface ShapeSink {
  kind: SinkKind;
  method?: string;
  evidence?: 'sql-text' | 'sql-only' | 'sql-client' | 'mongo' | 'document-store' | 'dynamodb';
  responseMethod?: string;
  responseProperty?: string;
  objectKey?: string;
  /** For `objectKey`: the object must be passed to a call or `new` whose name matches. */
  callee?: RegExp;
  arguments?: number[] | 'all' | 'last';
  /** When the argument is an object literal, the dangerous position is the first of these properties it has. */
  properties?: string[];
  /**
   * Only a value taken whole is dangerous here (a whole request handed over as it came): an object literal written in
   * the code (directly or through a `const`) is the code's own request, and only what it spreads in counts.
   */
  whole?: boolean;
}

export type SinkModel = ImportedSink | ShapeSink;

export const isImportedSink = (entry: SinkModel): entry is ImportedSink => 'path' in entry;

/** Where input comes from, by how much the caller controls it. */
export type Trust = 'caller' | 'uploader' | 'internal' | 'platform';

/** The rule that reports each sink kind. */
export const SINK_OWNERS: Record<SinkKind, string> = {
  sql: 'no-sql-injection',
  'nosql-filter': 'no-nosql-injection',
  'nosql-expression': 'no-nosql-injection',
  command: 'no-command-injection',
  code: 'no-dynamic-code',
  deserialize: 'no-unsafe-deserialization',
  path: 'no-path-traversal',
  url: 'no-ssrf',
  html: 'no-html-injection',
  redirect: 'no-open-redirect',
  regex: 'no-regex-injection',
  record: 'no-unvalidated-event',
};
