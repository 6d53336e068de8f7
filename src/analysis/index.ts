import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { InputFlow } from './flow/index.js';
import { findHandlers, type Handler } from './handlers.js';
import { responseValues, type ResponseValue } from './responses.js';
import { coreSettings, type CoreSettings } from './settings.js';
import { ValidatorCatalogue } from './validators.js';
import { findSinkPlaces, type SinkPlace } from './sinks.js';
import type { InputLabel } from './flow/index.js';
import type { SinkKind } from '../models/types.js';

export type { Handler, InputKind, Platform } from './handlers.js';
export type { InputLabel, InputUse } from './flow/index.js';
export type { ResponseValue } from './responses.js';
export type { SinkPlace } from './sinks.js';

/** What the shared core knows about one file: its handlers and where their input goes. */
export interface Analysis {
  settings: CoreSettings;
  handlers: Handler[];
  validators: ValidatorCatalogue;
  /** Input flow; empty (no labels, no uses) in a file without handlers. */
  flow: InputFlow;
  /** What the handlers send back to their callers (computed on first use). */
  readonly responses: ResponseValue[];
  /** The consequential places of one kind in the file, from the models catalogue (computed on first use). */
  sinks(kind: SinkKind): readonly SinkPlace[];
  /**
   * The handler inputs that reach a place of `kind` as they came: not validated, not sanitised for that place,
   * not only through a lookup, and from a source that counts for it — caller input always, an uploader's object
   * key for paths and processes, the app's own workflow input only when `internal` is set.
   */
  inputAt(node: TSESTree.Node, kind: SinkKind, options?: { internal?: boolean }): InputLabel[];
}

/** Kinds of place where a name an uploader chose is dangerous. */
const UPLOADER_KINDS = new Set<SinkKind>(['path', 'command']);

export function countsAsInput(label: InputLabel, kind: SinkKind, internal = false): boolean {
  if (label.validated || label.derived || label.whole || label.sanitizedFor.includes(kind)) return false;
  if (label.trust === 'caller') return true;
  if (label.trust === 'uploader') return UPLOADER_KINDS.has(kind) || internal;
  return label.trust === 'internal' && internal;
}

const cache = new WeakMap<TSESTree.Program, Analysis>();

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The analysis of the file being linted, computed the first time any rule asks and shared by all rules after
 * that. Files without a handler cost one pass over their exports and imports.
 */
export function analyse(context: AnyContext): Analysis {
  const { sourceCode } = context;
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  const settings = coreSettings(context);
  const handlers = findHandlers(sourceCode, settings, context.filename);
  const validators = new ValidatorCatalogue(sourceCode, settings);
  const responses: ResponseValue[] = handlers.length > 0 ? responseValues(sourceCode, handlers) : [];
  const flow = new InputFlow(sourceCode, handlers, validators, settings, new Set(responses.map((r) => r.value)));
  if (handlers.length > 0) flow.run();
  let places: Map<SinkKind, SinkPlace[]> | undefined;
  const analysis: Analysis = {
    settings,
    handlers,
    validators,
    flow,
    get responses() {
      return responses;
    },
    sinks(kind) {
      if (!places) {
        places = new Map();
        for (const place of findSinkPlaces(sourceCode, handlers, () => analysis.responses, settings.sinks)) {
          (places.get(place.kind) ?? places.set(place.kind, []).get(place.kind)!).push(place);
        }
      }
      return places.get(kind) ?? [];
    },
    inputAt(node, kind, options) {
      // Earliest read first, so a report names the input the way the code reads it.
      return flow
        .labelsAt(node)
        .filter((label) => countsAsInput(label, kind, options?.internal))
        .sort((a, b) => a.source.range[0] - b.source.range[0]);
    },
  };
  cache.set(program, analysis);
  return analysis;
}
