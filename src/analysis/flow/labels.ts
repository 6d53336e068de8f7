import type { TSESTree } from '@typescript-eslint/utils';
import type { SinkKind, Trust } from '../../models/types.js';
import type { Handler } from '../handlers.js';

type Node = TSESTree.Node;

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


export /** Whether `a` is a worse (more dangerous) label than `b`: unvalidated beats validated, direct beats derived. */
function worse(a: InputLabel, b: InputLabel): boolean {
  if (a.validated !== b.validated) return !a.validated;
  if (a.derived !== b.derived) return !a.derived;
  return a.whole === false && b.whole === true;
}
