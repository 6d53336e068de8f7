import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { InputFlow } from './flow.js';
import { findHandlers, type Handler } from './handlers.js';
import { responseValues, type ResponseValue } from './responses.js';
import { coreSettings, type CoreSettings } from './settings.js';
import { ValidatorCatalogue } from './validators.js';

export type { Handler, InputKind, Platform } from './handlers.js';
export type { InputLabel, InputUse } from './flow.js';
export type { ResponseValue } from './responses.js';

/** What the shared core knows about one file: its handlers and where their input goes. */
export interface Analysis {
  settings: CoreSettings;
  handlers: Handler[];
  validators: ValidatorCatalogue;
  /** Input flow; empty (no labels, no uses) in a file without handlers. */
  flow: InputFlow;
  /** What the handlers send back to their callers (computed on first use). */
  readonly responses: ResponseValue[];
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
  const flow = new InputFlow(sourceCode, handlers, validators, settings);
  if (handlers.length > 0) flow.run();
  let responses: ResponseValue[] | undefined;
  const analysis: Analysis = {
    settings,
    handlers,
    validators,
    flow,
    get responses() {
      return (responses ??= responseValues(sourceCode, handlers));
    },
  };
  cache.set(program, analysis);
  return analysis;
}
