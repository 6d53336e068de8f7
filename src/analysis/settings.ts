import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Shared settings, read by every rule that uses the handler core:
 *
 * ```js
 * settings: { 'serverless-security': { handlerNames: ['main'], validators: ['checkOrder'], trustedInputPaths: [] } }
 * ```
 */
export interface CoreSettings {
  /** Export names that are handlers, besides `handler` and the shapes found by their parameters. */
  handlerNames: string[];
  /** Functions (`checkOrder`) or methods (`schemas.check`) that validate their argument. */
  validators: string[];
  /** Input properties set by the platform, not the caller (`requestContext`); segment names, any depth. */
  trustedInputPaths: string[];
}

const DEFAULT_HANDLER_NAMES = ['handler'];

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Malformed settings are ignored (a linter must not crash on a typo in a config). */
export function coreSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): CoreSettings {
  const raw = (context.settings?.['serverless-security'] ?? {}) as Record<string, unknown>;
  return {
    handlerNames: [...DEFAULT_HANDLER_NAMES, ...asStrings(raw.handlerNames)],
    validators: asStrings(raw.validators),
    trustedInputPaths: asStrings(raw.trustedInputPaths),
  };
}
